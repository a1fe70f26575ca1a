"""The tabs the app shows, in order: a tab appears here only once its article's issue has landed (no placeholders).
Each id names a module `demos/<id>.py` with a module-level `demo`, an entry in `demos.articles.ARTICLES`, the label
key `app.tab.<id>` and the guide text `guide.tab.<id>`."""

SHOWN: tuple[str, ...] = ("ogan", "gan_arch", "iresnet", "onlstm", "cln", "smooth", "terms", "guide")

# Tabs that are built and tested but wait for the rest of their issue before the app shows them.
PENDING: tuple[str, ...] = ()

# The prefix of a tab's public endpoints, where it differs from the tab id (`arch_compare`, ...).
API_PREFIX: dict[str, str] = {"gan_arch": "arch"}


def api_prefix(tab_id: str) -> str:
    return API_PREFIX.get(tab_id, tab_id)
