"""Flask extensions, created unbound here and bound to the app in `create_app`."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints make Alembic migrations reproducible and downgradable on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
login_manager = LoginManager()
csrf = CSRFProtect()
migrate = Migrate()
babel = Babel()
# Rate limits (logins, sign-up, recovery, reports, suggest, the public API). Memory storage by
# default; RATELIMIT_STORAGE_URI (redis://...) shares the counts between processes and servers.
# The visitor's address comes through ProxyFix (TRUSTED_PROXIES) when a proxy is in front.
limiter = Limiter(key_func=get_remote_address)


def enum_column_type(enum_cls: type, length: int = 20, name: str | None = None):
    """A portable enum column: VARCHAR plus a named CHECK (no native PG enum to migrate)."""
    from sqlalchemy import Enum

    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        name=name or enum_cls.__name__.lower(),  # names the CHECK constraint
        validate_strings=True,
    )


def utcnow():
    """Naive UTC now: stored the same way on SQLite and PostgreSQL."""
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(tzinfo=None)
