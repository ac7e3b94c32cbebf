from flask_babel import lazy_gettext as _l

from portal.extensions import login_manager

login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please log in to see this page.")
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(token: str):
    """The session and the remember-me cookie hold a login's token, not the account's id."""
    from portal.auth.sessions import user_for_token

    return user_for_token(token)
