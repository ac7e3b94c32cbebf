"""Error pages in the reader's language; JSON for the API."""

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from portal.extensions import db


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if _wants_json():
            return jsonify(error=error.name, message=error.description), error.code
        template = "errors/csrf.html" if isinstance(error, CSRFError) else "errors/http.html"
        return render_template(template, error=error), error.code

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        if _wants_json():
            return jsonify(error="Internal Server Error"), 500
        return render_template("errors/http.html", error=None), 500
