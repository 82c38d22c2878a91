# Language: English (en), the interface's source text.
# Written by: Myochart contributors.
# Reviewed by a native speaker: no
#
# Message ids start with the screen or component they appear on. Messages
# with a number take $count, so Fluent can pick the plural form.

## Words used across the app

common-cancel = Cancel
common-close = Close
common-save = Save

## App: the window's header and main screen

app-note-not-saved = A note could not be saved; see the note, then try again.
app-note-not-saved-close = A note could not be saved (see the note). Close the window again to quit without it.
app-demo = DEMO
app-demo-title = Made-up clients, kept in a separate database
app-leave-demo = Leave demo
app-read-only = READ-ONLY
app-read-only-title = Opened to look at only: nothing can be changed
app-lock = Lock
app-lock-title = Close the records until the passphrase is given again
app-practice-log = Practice log
app-plugins = Plugins
app-settings = Settings
app-opening-database = Opening the database…
# Around the search key, shown as "/" between the two.
app-hint-before-key = Choose a client on the left, or add a new one. Press
app-hint-after-key = to search.

## Amendments to a signed note

amendments-heading = Amendments
amendments-signed-note = A signed note can't be edited. Add an amendment to correct or add to it.
amendments-reason = Reason (e.g. correction, late information)
amendments-text = Amendment
amendments-add = Add amendment

## Assessments from plugins

assessment-heading = Assessments
assessment-choose = Choose an assessment
# A field's normal value and its unit, e.g. "(normal 45 °)".
assessment-normal = (normal { $normal } { $unit })
assessment-score = Score
assessment-add-to-note = Add to the note (O)
# One measurement in the summary added to the note, e.g. "Flexion 30 (67% of normal)".
assessment-item = { $label } { $value } ({ $percent }% of normal)

## Backups

backup-now = Back up now
backup-automatic = Also automatic when Myochart closes, once a day; kept: 7 daily, 4 weekly, 12 monthly.
backup-written = Backup written to { $path } and checked.
backup-holds = { $clients ->
    [one] { $clients } client
   *[other] { $clients } clients
  }, { $sessions ->
    [one] { $sessions } session
   *[other] { $sessions } sessions
  }, { $findings ->
    [one] { $findings } finding
   *[other] { $findings } findings
  }
backup-restore-question = Restore the backup of { $made }?
backup-now-holds = Now
backup-backup-holds = The backup
backup-changes-lost = { $count ->
    [0] Nothing has changed since this backup.
    [one] { $count } change made since this backup will be undone.
   *[other] { $count } changes made since this backup will be undone.
  }
# $contents is the list of counts, e.g. "3 clients, 5 sessions, 12 findings".
backup-holds-sentence = The backup holds { $contents }.
backup-kept-beside = The database as it is now is kept beside it first, so this can be undone by hand.
backup-restore-this = Restore this backup
backup-none = No backups yet.
backup-made = Made
backup-holds-column = Holds
backup-unreadable = Can't be read: { $problem }
backup-restore = Restore…

## Body chart views

view-front = Front
view-back = Back
view-right-side = Right side
view-left-side = Left side
view-soles = Soles
view-set-front-back = Front & back
view-set-sides = Sides
view-set-soles = Soles

## Body chart

chart-label = { $view } body chart: arrow keys move the cursor, Enter taps
# The client's right and left, printed at the chart's top corners.
chart-right-short = R
chart-left-short = L

## A client's record

client-edit = Edit
client-new-session = New session
client-new-session-title = New session (N)
client-red-flags = Red flags
client-not-screened = Red flags not screened yet: ask the questions under Edit.
client-unasked = { $count ->
    [one] { $count } red-flag question was added since this screening: ask it under Edit.
   *[other] { $count } red-flag questions were added since this screening: ask them under Edit.
  }
client-health-history-short = History
client-avoid-short = Avoid
client-consent = { $scope } — { $date }, signed by { $signedBy }
client-consent-not-recorded = not recorded
client-screened = Screened
client-sessions = Sessions
# Around the key that starts a session, shown as "N" between the two.
client-no-sessions-before-key = No sessions yet. Press
client-no-sessions-after-key = to start one.
client-session-date = Date
client-session-complaint = Complaint
client-session-pain = Pain before → after
client-session-findings = Findings
client-session-note = Note
client-amended = +{ $count } amended
client-handouts-given = Handouts given
client-next-visit = next visit { $date }
client-their-record = Their record
client-their-record-hint = For a client who asks for their data: everything recorded about them, as a readable PDF and as JSON.
client-export = Export this client's record

## Words for values the records hold

pressure-unknown = not asked
pressure-light = light
pressure-moderate = moderate
pressure-firm = firm
activity-active = active
activity-latent = latent
note-status-signed = Signed
note-status-draft = Draft
common-open = Open

## A finding as one line of the note's Objective, e.g.
## "1. Upper trapezius (L), tenderness 7/10, active, referral reproduced, moderate 90 s"

finding-line-tenderness = tenderness { $tenderness }/10
finding-line-referral = referral reproduced
# The pressure used and for how long.
finding-line-pressure = { $pressure } { $seconds } s
# Said instead of the pressure when none was chosen.
finding-line-no-pressure = pressure

## History: what each action did
history-client-create = Client record created
history-client-update = Client record changed
history-client-delete = Client removed
history-session-create = Session started
history-session-delete = Session removed
history-note-write = Draft saved
history-note-sign = Note signed
history-note-amend = Note amended
history-finding-add = Finding charted
history-finding-move = Finding moved
history-finding-remove = Finding removed
history-finding-restore = Finding put back
history-checks-add = Muscles to check added
history-handout-give = Handout given
history-export-case-study = Case study saved (anonymised)
history-export-class-report = Class report saved
history-database-backup = Backup of the whole database made

## History: what an entry's detail is
history-detail-note-amend = Reason
history-detail-checks-add = Muscles
history-detail-handout-give = Saved to
history-detail-export-case-study = Saved to
history-detail-export-class-report = Saved to
history-detail-database-backup = Saved to

## Fields as the forms label them (history shows changes by them)
field-first-name = First name
field-last-name = Last name
field-phone = Phone
field-email = E-mail
field-date-of-birth = Born
field-notes = Notes
field-health-history = Health history
field-medications = Medications
field-contraindications = Contraindications
field-areas-to-avoid = Areas to avoid
field-pressure-tolerance = Pressure
field-consent-scope = Consent
field-consent-date = Consent date
field-consent-signed-by = Consent signed by
field-red-flags = Red flags answered yes
field-screened-flags = Red-flag questions asked
field-screened-at = Red flags screened
field-session-date = Session date
field-therapist = Therapist
field-subjective = Subjective
field-objective = Objective
field-assessment = Assessment
field-plan = Plan
field-pain-before = Pain before
field-pain-after = Pain after
field-status = Note
field-signed-at = Signed
field-text = Amendment
field-view = View
field-side = Side
field-x = Across the chart
field-y = Down the chart

## History: values in words
history-word-unknown = not asked
history-word-draft = draft
history-word-signed = signed
history-word-right-side = right side
history-word-left-side = left side

## History: sentences

# A change of a client's record that screened red flags, e.g. "Client record changed: red-flag screening".
history-screening = { $action }: red-flag screening
history-session-of = Session of { $date }
history-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
  }
history-none = none
history-yes = yes
history-no = no
history-by = by { $actor }
history-before = Before
history-after = After
history-added = Added
history-nothing-yet = Nothing recorded yet.
history-heading = History
common-loading = Loading…

## History list (messages above)



## History section (messages above)


