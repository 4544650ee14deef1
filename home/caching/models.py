from django.db import models


class ContentVersion(models.Model):
    """The one number that says what is current, in the database every app server reads.

    One row. A change to published content raises it in the change's own transaction
    (home.caching.state), so it is exactly as durable as the change: no cache outage can
    lose it, and no server can see the new content under the old number for longer than
    its own request. Its value is at least the time of the change in nanoseconds, so a
    number is never handed out twice, even after a rollback or a restore from backup.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    value = models.BigIntegerField()

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return str(self.value)
