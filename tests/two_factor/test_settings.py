"""Two-factor login is required in production and not in development, unless the setting says."""

import pytest

from portal.config import load_config


@pytest.mark.parametrize(
    ("env", "setting", "required"),
    [
        ("development", None, False),
        ("production", None, True),
        ("production", "0", False),
        ("development", "1", True),
    ],
)
def test_two_factor_required_follows_the_environment(monkeypatch, tmp_path, env, setting, required):
    monkeypatch.setenv("PORTAL_ENV", env)
    monkeypatch.setenv("SECRET_KEY", "a-real-secret")
    monkeypatch.setenv("PUBLIC_URL", "https://phlov.example")
    if setting is None:
        monkeypatch.delenv("TWO_FACTOR_REQUIRED", raising=False)
    else:
        monkeypatch.setenv("TWO_FACTOR_REQUIRED", setting)
    assert load_config(str(tmp_path))["TWO_FACTOR_REQUIRED"] is required
