"""Online self-registration: ``/register/FORM_ID``, a public page built from the published XLSForm.

Server-side rendering with the forms engine (labels per language, relevance, constraints, required);
works with JavaScript off. A valid registration is stored through the batch ingestion (so duplicate
detection sees it) with a review row ``unconfirmed``; once the person types the code e-mailed to them,
it becomes ``pending`` in the registrars' ``/review`` queue, and counts only once accepted.
"""
