"""The health check answered first, before host checks and HTTPS redirects."""

from home.operations.views import healthz


class HealthCheckMiddleware:
    """Answer /healthz before host validation and HTTPS redirects.

    Load balancers call instances by their internal address, which is not in
    ALLOWED_HOSTS and does not speak TLS; the health check must answer them anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)
