from django.db import models


class SearchWord(models.Model):
    """A word seen in a live page of a language, with the term the index holds for it.

    The vocabulary of the index, kept by the search backend as it indexes (home.search.
    backend) and read by every app server: typing errors are matched against it, and a
    search that finds nothing suggests its closest words.
    """

    language = models.CharField(max_length=8)
    word = models.CharField(max_length=100)
    term = models.CharField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="unique_search_word")]

    def __str__(self):
        return f"{self.language}: {self.word}"
