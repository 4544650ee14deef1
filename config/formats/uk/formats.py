# Django's Ukrainian date ends in "р." and pads the day ("01 листопада 2026 р."), which
# doubles the full stop at a sentence's end. The month stays in the genitive (E).
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y H:i"
