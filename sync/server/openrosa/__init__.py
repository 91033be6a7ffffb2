"""OpenRosa, the way in for ODK Collect and Enketo: app users, formList, form download and submissions.

Central's semantics are the reference: 201 on a new submission and on an identical resend, 409 on a
different XML for the same instanceID, ``deprecatedID`` for an edit. What arrives here is pending until
a registrar accepts it (``review.py``).
"""
