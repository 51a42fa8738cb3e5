"""Views for people and programs: one wording of flags, facts and pairs, terminal text, formats, the
static report and feeds, exports and Datasette metadata; HTML through Jinja2 templates only."""
