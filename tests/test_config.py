"""Settings come from the environment, with defaults that work on a laptop."""

import pytest

from portal import create_app
from portal.config import ConfigError, load_config


@pytest.fixture
def clean_env(monkeypatch):
    for name in (
        "SECRET_KEY",
        "DATABASE_URL",
        "SEARCH_INDEX_DIR",
        "PORTAL_ENV",
        "PUBLIC_URL",
        "TRUSTED_PROXIES",
        "LOG_FORMAT",
    ):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults_live_in_the_instance_folder(clean_env, tmp_path):
    config = load_config(str(tmp_path))
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'portal.db'}"
    assert config["SEARCH_INDEX_DIR"] == str(tmp_path / "search-index")


def test_development_secret_key_is_generated_once_and_kept(clean_env, tmp_path):
    first = load_config(str(tmp_path))["SECRET_KEY"]
    assert len(first) >= 32
    assert load_config(str(tmp_path))["SECRET_KEY"] == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # readable by its owner only


def test_production_refuses_to_start_without_a_secret_key(clean_env, tmp_path):
    clean_env.setenv("PORTAL_ENV", "production")
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config(str(tmp_path))
    assert not (tmp_path / "secret_key").exists()


def test_environment_overrides_the_defaults(clean_env, tmp_path):
    clean_env.setenv("PORTAL_ENV", "production")
    clean_env.setenv("SECRET_KEY", "from-the-vault")
    clean_env.setenv("PUBLIC_URL", "https://phlov.org/")
    clean_env.setenv("DATABASE_URL", "postgres://phlov:pw@db/phlov")
    clean_env.setenv("SEARCH_INDEX_DIR", "/srv/phlov/index")
    config = load_config(str(tmp_path))
    assert config["SECRET_KEY"] == "from-the-vault"
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql://phlov:pw@db/phlov"
    assert config["SEARCH_INDEX_DIR"] == "/srv/phlov/index"
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["PUBLIC_URL"] == "https://phlov.org"
    assert config["LOG_FORMAT"] == "json"


def test_flask_cli_finds_the_app_through_wsgi(clean_env, tmp_path):
    import wsgi

    assert wsgi.app.name == "portal"
    assert create_app({"INSTANCE_PATH": str(tmp_path)}).config["PORTAL_ENV"] == "development"


def test_production_refuses_to_start_without_its_public_address(clean_env, tmp_path):
    clean_env.setenv("PORTAL_ENV", "production")
    clean_env.setenv("SECRET_KEY", "from-the-vault")
    with pytest.raises(ConfigError, match="PUBLIC_URL must be set when PORTAL_ENV=production"):
        load_config(str(tmp_path))
    clean_env.setenv("PUBLIC_URL", "phlov.org")
    with pytest.raises(ConfigError, match="PUBLIC_URL must be an address like https://"):
        load_config(str(tmp_path))


def test_development_runs_without_a_public_address_and_logs_text(clean_env, tmp_path):
    config = load_config(str(tmp_path))
    assert config["PUBLIC_URL"] is None
    assert config["LOG_FORMAT"] == "text"
    assert config["TRUSTED_PROXIES"] == 0


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("TRUSTED_PROXIES", "-1", "TRUSTED_PROXIES must be a whole number of at least 0"),
        ("TRUSTED_PROXIES", "one", "TRUSTED_PROXIES must be a whole number of at least 0"),
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be json or text"),
        ("TELEGRAM_WEBHOOK_SECRET", "short", "TELEGRAM_WEBHOOK_SECRET must be 16-256"),
        ("TELEGRAM_WEBHOOK_SECRET", "has spaces in it, sixteen+", "TELEGRAM_WEBHOOK_SECRET"),
    ],
)
def test_a_wrong_serving_setting_is_named(clean_env, tmp_path, name, value, message):
    clean_env.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        load_config(str(tmp_path))


def test_trusted_proxies_counts_the_proxies_in_front(clean_env, tmp_path):
    clean_env.setenv("TRUSTED_PROXIES", "2")
    assert load_config(str(tmp_path))["TRUSTED_PROXIES"] == 2
