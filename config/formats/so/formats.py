# Django ships no Somali formats; they follow the same pattern as Tigrinya's.
from config.formats.ti.formats import *  # noqa: F403
