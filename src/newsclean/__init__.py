"""newsclean: scraped news text in, clean article body, metadata and audit trail out.

>>> from newsclean import clean
>>> clean("Views: 0\\n\\nThe council approved the budget on Tuesday after a long debate.").body
'The council approved the budget on Tuesday after a long debate.'
"""

from ._api import clean
from ._batch import clean_many
from ._document import Document, Removal, Repair
from ._errors import NotTextError
from ._glue import unglue
from ._options import Options

__all__ = [
    "Document",
    "NotTextError",
    "Options",
    "Removal",
    "Repair",
    "clean",
    "clean_many",
    "unglue",
]
__version__ = "0.1.0"
