"""The tabs the app shows, in order: a tab appears here only once its article's issue has landed (no placeholders).
Each id names a module `demos/<id>.py` with a module-level `demo`, an entry in `demos.articles.ARTICLES`, the label
key `app.tab.<id>` and the guide text `guide.tab.<id>`."""

SHOWN: tuple[str, ...] = ("ogan", "iresnet", "onlstm", "cln", "smooth", "terms", "guide")

# Tabs that are built and tested but wait for the rest of their issue before the app shows them.
PENDING: tuple[str, ...] = ()
