<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>HostEventDialog</name>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Host this event</source>
            <translation>Host this event</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Host this event...</source>
            <translation>Host this event...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Clerk's laptop</source>
            <translation>Clerk's laptop</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>e.g. Clerk 2, Minneapolis</source>
            <translation>e.g. Clerk 2, Minneapolis</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>New clerk code</source>
            <translation>New clerk code</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Stop hosting</source>
            <translation>Stop hosting</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Start hosting</source>
            <translation>Start hosting</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Not hosting. Clerks' laptops sync to this laptop while it hosts.</source>
            <translation>Not hosting. Clerks' laptops sync to this laptop while it hosts.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Hosting at {url}. Certificate fingerprint: {fingerprint}</source>
            <translation>Hosting at {url}. Certificate fingerprint: {fingerprint}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Starting...</source>
            <translation>Starting...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>The hub did not start: {reason}</source>
            <translation>The hub did not start: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>{laptops} laptops; records received {received}, relayed {relayed}, waiting {waiting}.</source>
            <translation>{laptops} laptops; records received {received}, relayed {relayed}, waiting {waiting}.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Review records...</source>
            <translation>Review records...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>another laptop owns this record on the central server: give its administrator this reference</source>
            <translation>another laptop owns this record on the central server: give its administrator this reference</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the file changed after it was attached: ask the clerk to attach it again and sync</source>
            <translation>the file changed after it was attached: ask the clerk to attach it again and sync</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the central server cannot keep this file for this record: give its administrator this reference</source>
            <translation>the central server cannot keep this file for this record: give its administrator this reference</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>the file is larger than the central server takes: ask the clerk to attach a smaller one and sync</source>
            <translation>the file is larger than the central server takes: ask the clerk to attach a smaller one and sync</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>Attached files the central server refused: {count}. Their records wait on this laptop and go again at the next sync.</source>
            <translation>Attached files the central server refused: {count}. Their records wait on this laptop and go again at the next sync.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_dialog.py" />
            <source>refused by the central server ({code})</source>
            <translation>refused by the central server ({code})</translation>
        </message>
    </context>
    <context>
        <name>HostEventReview</name>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Review the event's records</source>
            <translation>Review the event's records</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Laptops</source>
            <translation>Laptops</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batches received</source>
            <translation>Batches received</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Records</source>
            <translation>Records</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Show all laptops</source>
            <translation>Show all laptops</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approve batch</source>
            <translation>Approve batch</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Laptop</source>
            <translation>Laptop</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batches</source>
            <translation>Batches</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Last seen</source>
            <translation>Last seen</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approved by</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Approval relayed</source>
            <translation>Approval relayed</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Form</source>
            <translation>Form</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Relayed</source>
            <translation>Relayed</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The hub is not running; start hosting to review.</source>
            <translation>The hub is not running; start hosting to review.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>{laptops} laptops sent {records} records in {batches} batches; {approved} batches approved.</source>
            <translation>{laptops} laptops sent {records} records in {batches} batches; {approved} batches approved.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>(erased)</source>
            <translation>(erased)</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The review could not be read: {reason}</source>
            <translation>The review could not be read: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batch of {laptop} ({records} records) approved by {name}; the approval goes with the relay.</source>
            <translation>Batch of {laptop} ({records} records) approved by {name}; the approval goes with the relay.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The batch was not approved: {reason}</source>
            <translation>The batch was not approved: {reason}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Send back...</source>
            <translation>Send back...</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Sent back</source>
            <translation>Sent back</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>by {name}: {note}</source>
            <translation>by {name}: {note}</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Send the batch back</source>
            <translation>Send the batch back</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Why does the batch of {laptop} go back? The clerk sees this note.</source>
            <translation>Why does the batch of {laptop} go back? The clerk sees this note.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>Batch of {laptop} ({records} records) sent back; the laptop reopens it at its next sync.</source>
            <translation>Batch of {laptop} ({records} records) sent back; the laptop reopens it at its next sync.</translation>
        </message>
        <message>
            <location filename="../../desktop/dialogs/host_event_review.py" />
            <source>The batch was not sent back: {reason}</source>
            <translation>The batch was not sent back: {reason}</translation>
        </message>
    </context>
</TS>
