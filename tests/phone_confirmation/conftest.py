from tests.fakes.sms import sms_gateway  # noqa: F401  (the fixture)
