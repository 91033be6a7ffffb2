"""The registry: the diaspora office's web view of its registrations, served by `diaspora-server`.

Modules, one job each: accounts (staff accounts, passwords, login throttling), sessions (browser
sessions in the database), audit (the hash-chained audit log), index (the search and count columns
derived from each record's head version), figures (the dashboard's aggregates, in SQL), search (people
search), person (one person's page), charts and worldmap (SVG on the server), i18n (en/fr/pt), web
(the FastAPI router and its pages), commands (the `user` and `audit` CLI verbs).
"""
