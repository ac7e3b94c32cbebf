from flask_babel import lazy_gettext as _l

from portal.extensions import db, login_manager

login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please log in to see this page.")
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str):
    from portal.auth.models import User

    if not user_id.isdigit():
        return None
    return db.session.get(User, int(user_id))
