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
app-server-unreachable = The clinic server can't be reached. Notes you type are kept on this computer, encrypted, and saved when it is back.
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
chart-marker-name = Finding { $number }: { $muscle }, { $side } side, tenderness { $tenderness } out of 10

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
client-all-sessions = Show all { $count } sessions
client-handouts-in = Handouts in
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
# The paper a handout was printed on, in the list of handouts given (A4 is A4 everywhere).
client-handout-letter = LETTER
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

contact-only = Contact details and consent: the clinic gives the front desk nothing clinical.
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
field-handout-language = Handout language
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

## Client form

form-correct-marked = Please correct the marked fields.
client-form-edit = Edit client
client-form-new = New client
client-form-contact = Contact
client-form-date-of-birth = Date of birth
client-form-pressure = Pressure tolerance
pressure-choice-unknown = Not asked yet
pressure-choice-light = Light
pressure-choice-moderate = Moderate
pressure-choice-firm = Firm
client-form-screening = Red-flag screening
client-form-screening-hint = Ask each question. A “yes” means: refer to a physician, don't just treat.
client-form-answered = { $answered } of { $count } answered.
client-form-no = No
client-form-yes = Yes
client-form-clear-answers = Clear answers (screen later)
client-form-consent-scope = What the client consents to
client-form-consent-example = e.g. trigger-point therapy of the neck and shoulders
client-form-consent-date = Date
client-form-consent-signed-by = Signed by
client-form-save = Save changes
client-form-add = Add client

## Client list

client-list-search-placeholder = Search name, phone or e-mail
client-list-search = Search clients
client-list-new = New
client-list-last-visit = last visit { $date }
client-list-no-sessions = no sessions yet
client-list-no-match = No client matches “{ $query }”.
client-list-empty = No clients yet.
client-list-shown = { $count } shown
client-list-import = Import from CSV…

## Importing clients from a CSV file

csv-dialog-label = Import clients from CSV
csv-heading = Import clients from a CSV file
csv-date-dmy = day/month/year (25/03/1984)
csv-date-mdy = month/day/year (03/25/1984)
csv-date-ymd = year-month-day (1984-03-25)
csv-adding-clients = Adding clients
csv-already-here = already in Myochart
csv-same-as-line = same as line { $line }
csv-imported = { $count ->
    [one] { $count } client was added to Myochart.
   *[other] { $count } clients were added to Myochart.
  }
csv-skipped = { $count ->
    [one] { $count } row was skipped because the client was already here.
   *[other] { $count } rows were skipped because the client was already here.
  }
csv-ask-at-first-visit = Their health history, consent and red-flag questions are not in the file: ask them at each client's first visit.
# $label says what is being done, e.g. "Adding clients: 120 of 400".
csv-progress = { $label }: { $step } of { $total }
csv-intro = Bring your clients over from another system: export them from it as a CSV file ("CSV UTF-8" in a spreadsheet), then choose the file here. You check everything before anything is added.
csv-source = Where the file comes from (optional, so Myochart remembers its columns next time)
csv-source-example = e.g. the name of your old booking system
csv-choose = Choose CSV file…
csv-choose-another = Choose another file…
csv-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
  }
csv-columns-heading = 1. Which column is which
csv-columns-remembered = Set as the last time you imported from this system; check them.
csv-columns-suggested = Matched from the column names; check them.
csv-columns-chosen = As you chose.
csv-columns-left-out = Columns set to "Don't import" are left out.
csv-column = Column in the file
csv-goes-into = Goes into
csv-for-example = For example
csv-field-for = Field for { $header }
csv-dont-import = Don't import
csv-dates-written = Dates of birth are written
csv-choose-format = Choose…
csv-errors-heading = Rows that can't be imported ({ $count })
csv-errors-hint = Nothing is imported while any row is wrong, so no client goes missing. Correct these in the file (or in the other system, then export again) and choose the file again.
# $line is the row's line number in the file.
csv-line = Line { $line }
csv-duplicates-heading = Clients who may already be here ({ $count })
csv-duplicates-hint = Same name and date of birth as a client in Myochart, or as an earlier row of the file.
csv-born = , born { $date }
csv-skip-duplicates = Skip them (recommended)
csv-import-duplicates = Import them anyway, as new clients
csv-preview-heading = 2. How the first clients will look
csv-line-column = Line
csv-import = { $count ->
    [one] Import { $count } client
   *[other] Import { $count } clients
  }

## Sides of the body

side-right = right
side-left = left

## The window while no database is open: unlocking, or why it can't be opened

closed-locked = Myochart is locked
closed-encrypted = The records are encrypted. Enter the passphrase to open them.
closed-passphrase = Passphrase
closed-recovery-key = Recovery key (as printed)
closed-use-passphrase = Use the passphrase
closed-use-recovery-key = Forgot it? Use the recovery key
closed-unlock = Unlock
closed-cannot-open = The database can't be opened
closed-read-only-hint = You can still look at the records; nothing can be changed.
closed-open-read-only = Open read-only
closed-restore = Restore a backup
closed-damaged-kept = The damaged file is kept beside the restored one, so nothing more is lost.

## Welcome: a database with no clients yet

empty-welcome = Welcome to Myochart
empty-no-clients = There are no clients in this database yet.
# Around the DEMO badge (app-demo), which sits between the two.
empty-demo-before-badge = Look around first with made-up clients. They live in a separate demo database, marked
empty-demo-after-badge = , and never mix with your real records.
empty-preparing-demo = Preparing demo…
empty-explore-demo = Explore with demo data
empty-first-client = Add your first client
empty-coming-from = Coming from another system?
empty-import = Import clients from CSV…
# Around a link, which sits between the two.
empty-protect-before-link = Client records are health information. If this computer could be lost or shared,
empty-protect-link = protect them with a passphrase
# Starts with a space where the language puts one.
empty-protect-after-link = {" "}first.

## Exporting files

export-busy = Exporting…
export-written-to = Written to

## Finder: muscles that refer pain to the spots tapped

finder-heading = Muscles that refer here
finder-spots = { $count ->
    [one] { $count } spot
   *[other] { $count } spots
  }
finder-clear = Clear
finder-tap = Tap the chart where it hurts.
finder-none = No muscle in the atlas refers pain here.
# A match whose zone is a spillover zone, not the essential one.
finder-spillover = spillover
# A match whose zone is near the spot, not over it.
finder-nearby = nearby
finder-add-checks = Add { $count } to check

## Adding a finding

finding-add-heading = Add a finding
finding-nearest = Nearest trigger points
finding-search = Search every muscle
finding-search-placeholder = Type part of a name, e.g. soleus
finding-muscle = Muscle
finding-choose-muscle = Choose a muscle
finding-side = Side (client's)
finding-right = Right
finding-left = Left
finding-point = Point
finding-active = Active
finding-latent = Latent
finding-tenderness = Tenderness
finding-referral = Pressing it reproduced the client's familiar pain
finding-technique = Technique
finding-pressure = Pressure
finding-seconds = Seconds
finding-response = Response
finding-response-example = e.g. tenderness eased, referral faded
finding-save = Add finding

## A session's findings

findings-to-check = To check:
findings-dont-check = Don't check
findings-remove = Remove
findings-remove-label = Remove finding
findings-none = None yet.
findings-take-care = Take care:

## Home-care handout

handout-heading = Home-care handout
handout-intro = A printable sheet for the client: their own points on the body chart, how to release each one without pain, the stretches, and when to see a doctor.
handout-saved-to = Saved to
handout-open = Open to view or print
handout-paper = Paper
paper-letter = US Letter
handout-advice = Advice from you (optional)
handout-advice-example = e.g. take a short break from the screen every hour
handout-next = Next appointment (optional)
handout-next-example = e.g. Tue 2 Dec, 10:00
handout-preview = Preview
handout-preview-title = Look at it in your PDF viewer; not recorded as given
handout-save = Save PDF
handout-language = Language
handout-untranslated = Not translated yet, so these will print in English:
handout-own-wording = { $count ->
    [one] the handout's own wording (1 text)
   *[other] the handout's own wording ({ $count } texts)
}
untranslated-name = name
untranslated-point-location = point location
untranslated-referral = referral
untranslated-self-care = self-care
untranslated-stretch = stretch
untranslated-summary = summary
untranslated-steps = steps
untranslated-cautions = cautions
untranslated-tools = tools
common-saving = Saving…

## SOAP note

note-pain-error = A whole number from 0 to 10; not saved until it is one

note-heading = SOAP note
note-signed = Signed { $at }
note-draft-saved = Draft saved { $at }
note-not-saved = Not saved
note-kept-locally = Kept on this computer until the clinic server is back
note-pain-before = Pain before (0–10)
note-pain-after = Pain after (0–10)
note-subjective-hint = Complaint in the client's words, history, what makes it worse or better
note-objective-hint = Range of motion, posture (findings come from the chart)
note-assessment-hint = What you think is going on
note-plan-hint = Frequency, home care, referral
note-no-findings = No findings charted yet.
# Shown with the keys: "Saves as you type · Ctrl+S save · Ctrl+Enter sign".
note-saves-as-you-type = Saves as you type
note-key-save = save
note-key-sign = sign
note-sign = Sign note
note-history = Note history

## Pain over the sessions

pain-plot-label = Pain before and after each session
pain-plot-before-point = { $date }: before { $pain }
pain-plot-after-point = { $date }: after { $pain }
# The legend: a key of each line's colour, then these words.
pain-plot-before = before
pain-plot-after = after treatment (pain 0–10)

## Plugins

plugin-intro = Plugins add body regions, techniques and assessments. A plugin is a program: nothing of a new or changed plugin runs until you approve it, and then it is first tried in a separate process so a broken one can't take Myochart down.
plugin-awaiting-approval = Awaiting approval
plugin-enabled = Enabled
plugin-disabled = Disabled
plugin-failed = Failed
plugin-author = Author
plugin-namespace = Namespace
plugin-library = Library
plugin-sha256 = SHA-256
plugin-approved = Approved
plugin-checking = Checking…
plugin-try-again = Try again
plugin-approve = Approve and load
plugin-disable = Disable
plugin-enable = Enable
plugin-none = No plugins found. Put a plugin's folder (its library and plugin.toml) into the plugins folder beside the database.

## Protecting the database with a passphrase

protect-differ = The two passphrases differ
protect-changed = Passphrase changed. The recovery key stays the same.
protect-encrypted = This database is encrypted. It locks after the idle time set above, and opens only with the passphrase or the recovery key.
protect-change-heading = Change the passphrase
protect-the-recovery-key = The recovery key
protect-current = The current passphrase
protect-forgot = I forgot it: use the recovery key
protect-new = New passphrase
protect-new-again = The new passphrase again
protect-change = Change passphrase
protect-your-key = Your recovery key
# Around the stressed word "only", which sits between the two.
protect-key-before-only = If the passphrase is ever forgotten, this key is the
protect-key-only = only
protect-key-after-only = way to open your records: no one can reset the passphrase, not even Myochart's makers. Print it or write it down, and keep it somewhere safe, away from this computer.
protect-print = Print
protect-kept-key = I have printed or written down the recovery key
protect-back = Back
protect-encrypting = Encrypting…
protect-encrypt = Encrypt the database
protect-intro = Encrypts this database, so no one can read the records without the passphrase, even with this computer in hand. Backups are encrypted too. Backups made before stay as they were: delete them or keep them somewhere safe.
protect-passphrase = Passphrase (a few words are easy to remember and hard to guess)
protect-same-again = The same passphrase again
protect-start = Protect with a passphrase…

## Charting a session

session-heading = Session { $date }
session-with = with { $therapist }
session-handout = Handout…
session-handout-title = Print the client's own points and self-care
session-handout-chart-first = Chart a point first
session-red-flags = Red flags from intake
session-chart-mode = Chart mode
session-mode-chart = Chart findings
session-mode-chart-title = Tap the body to add a finding
session-mode-finder = Finder
session-mode-finder-title = Tap where it hurts to see which muscles refer there (F)
session-last-session = Last session
session-undo = Undo
session-undo-title = Undo (Ctrl+Z)
session-views = Views
session-close-up = Close-up
session-whole-body = Whole body
session-hint-signed = Signed: findings are locked. Tap a point to see its referral zone.
session-hint-finder = Tap every spot where the client feels the pain, on any view.
session-hint-chart = Tap the body where you found a point (or Tab to a chart, arrows, Enter). Drag a point to move it.

## Settings

settings-language = Language
settings-language-system = System default
settings-saved = Saved.
settings-handout = On every handout
settings-clinic = Clinic name
settings-therapist = Therapist (when a session names none)
settings-contact = How clients reach you
settings-contact-example = phone, e-mail, address
settings-security = Security
settings-auto-lock = Lock after this many minutes with no one at the keyboard
settings-save = Save settings
settings-student = Student
settings-student-mode = I am a student: keep a practice log
settings-student-name = Your name (on the log for the school)
settings-programme = Programme
settings-sessions-required = Sessions required
settings-hours-required = Hours required
settings-session-minutes = Minutes a charted session counts
settings-supervisors = Supervisors (comma-separated)
settings-save-student = Save student settings
settings-database = Database
settings-one-file = Everything is in one file:
settings-one-file-demo = Everything is in one file (the demo database):
settings-backups = Backups
settings-export = Export
# Around the command "myochart import", which sits between the two.
settings-export-before-command = Everything the database holds, removed records and the audit log included, as one JSON file.
settings-export-after-command = brings it back into an empty database. The file is not encrypted, even when the database is: keep it as safe as the records themselves.
settings-export-all = Export everything
settings-logs = Logs
settings-logs-hint = What Myochart did and what failed, a file a day for two weeks, with record numbers only: no names, no notes. Send them to whoever helps you when something didn't save.
settings-open-logs = Open the log folder

## Signing a note

sign-label = Sign the note
sign-question = Sign this note?
sign-explanation = Once signed, the note and its findings can't be changed. Corrections become dated amendments.
sign-keep-editing = Keep editing
sign-confirm = Sign

## Snippets of text for the note

snippets-heading = Snippets:
snippets-delete = Delete snippet { $label }
snippets-label = Label
snippets-text = Text to insert
snippets-new = New snippet

## Practice log and reports (students)

student-heading = Practice log and reports
student-starting = Starting
student-bar-sessions = sessions
student-bar-hours = hours
student-set-programme = Set your programme and requirement under Settings → Student.
student-export-csv = Export CSV
student-export-pdf = Export PDF
student-date = Date
student-client = Client
student-minutes = Minutes
student-techniques = Techniques
student-supervisor = Supervisor
student-signed-off = Signed off
# A log entry that comes from a session charted in Myochart.
student-charted = charted
student-sign-off = Sign off
student-sign-off-date = Date signed off
student-log-empty = Nothing yet: charted sessions appear here by themselves.
student-sign-off-entry = Sign off { $date } · { $client }:
student-signed-off-final = A signed-off entry can't be changed.
student-add-elsewhere = Add practice done elsewhere
student-client-code = Client code
student-client-code-hint = never a name
student-add-to-log = Add to log
student-case-study = Case study
student-case-study-hint = An anonymised report on one client: a client code and age band, never their name, contact details or birth date.
student-choose-client = Choose a client
student-from = From
student-to = To
student-reflection = Your reflection
student-reflection-hint = What you found, what you tried, what worked, what you would do differently
student-anonymity = Check before you share: where the client could be recognised, and what the check can't see
student-build-case-study = Build case study
student-class-report = Class report
student-slides = As landscape slides for class
student-build-class-report = Build class report

app-clinic-title = The clinic's server and database, and who is signed in
closed-sign-in = Sign in to the clinic
closed-password = Password
closed-sign-in-button = Sign in
clinic-heading = Connect to a clinic server
clinic-hint = Several therapists can share one set of records on the clinic's PostgreSQL server, each signing in with their own login.
clinic-connected = Connected to
clinic-leave = Use this computer's own database
clinic-server = Server
clinic-port = Port
clinic-database = Database
clinic-login = Login
clinic-tls = Encryption (TLS)
clinic-tls-verify-full = Encrypted, server name checked
clinic-tls-verify-ca = Encrypted, certificate checked
clinic-tls-require = Encrypted, not checked
clinic-tls-prefer = Encrypted when offered
clinic-tls-disable = Not encrypted
clinic-connect = Connect

## A note kept while the clinic server was away, not saved since
kept-heading = Typed while the clinic server was away, not saved
kept-explained = This text, last typed { $at }, couldn't be saved when the server came back: the note was changed elsewhere meanwhile. Copy what you need into the note, then put it aside.
kept-put-aside = Put it aside
