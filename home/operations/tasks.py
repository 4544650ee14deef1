"""Mail sent by the background worker, so a slow or absent mail server never holds a request."""

from django.core.mail import EmailMessage

from django_tasks import task


@task()
def send_mail(subject: str, body: str, from_email: str | None, to: list[str], reply_to: list[str]) -> None:
    EmailMessage(subject=subject, body=body, from_email=from_email, to=to, reply_to=reply_to).send()
