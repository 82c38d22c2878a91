# What the `myochart` command line says, in English: the source every other
# language translates. Words in { $braces } are filled in when printing;
# keep them, in whatever order your language needs. A message missing from a
# translation prints in English. Names, notes, atlas texts and the error
# messages of the core library print as they are; `--help` stays English.
#
# Who translated this file, and whether a native speaker has reviewed it
# ("yes" or "no"). English is the source: it needs no translator.
-translator = Myochart
-reviewed-by-native-speaker = yes

## Errors and warnings, on stderr

# { $message } is the error itself, as the core library words it (English).
error = error: { $message }
error-cant-start = error: can't start: { $error }
warning = warning: { $message }
warning-no-log = warning: no log: { $error }

## Clients and sessions

client-added = client { $id } added: { $name }
# The last column of `client list` for a client never seen.
no-sessions = no sessions
client-count = { $count } client(s)
client-heading = { $name }  (client { $id })
client-phone = phone
client-email = e-mail
client-notes = notes
client-born = born: { $date }
client-language = handout language: { $language }
session-count = { $count } session(s)
# One session of `client show`; { $status } is "draft" or "signed", { $before }
# and { $after } the pain (0-10, or "-").
session-line = { $date }  session { $id }  { $status ->
        [draft] Draft
        [signed] Signed
       *[other] { $status }
    }  pain { $before } -> { $after }  { $findings } finding(s)  { $complaint }
session-started = session { $id } started on { $date }
finding-added = finding { $id } added: { $muscle } ({ $side })
side-left = Left
side-right = Right
note-saved = note of session { $session } saved
session-signed = session { $session } signed at { $at }
amendment-added = amendment { $id } added to session { $session }

## The trigger-point atlas and the finder

# After the region's id: how many muscles, then its name.
region = { $muscles } muscles  { $name }
review-sheet-saved = review sheet of { $region } saved to { $path }
finder-nothing = no muscle refers pain here
finder-match = { $muscle } ({ $side })  score { $score }

## Handouts, reports, exports

handout-saved = handout for session { $session } saved to { $path } ({ $paper })
handout-untranslated = printed in English, for want of a translation: { $texts }
report-saved = report saved to { $path }
export-written = export written to { $path }
client-record-written = client record written to { $path }
imported = imported { $records } records ({ $clients } clients) from { $path }

## Importing clients from a CSV file

# { $origin } is "chosen", "remembered" or "suggested".
import-columns = columns ({ $origin ->
        [chosen] chosen
        [remembered] remembered
       *[suggested] suggested
    } mapping):
import-column-skipped = (not imported)
import-samples = e.g. { $samples }
import-dates = dates: { $format }
import-problem = problem: { $problem }
import-preview = preview (first { $shown } of { $count } to import):
import-line = line { $line }: { $values }
import-error = error: line { $line }: { $message }
import-error-in-column = error: line { $line }, { $column }: { $message }
# { $imported } is "yes" when duplicates are imported anyway.
import-duplicate = duplicate ({ $imported ->
        [yes] imported anyway
       *[no] skipped
    }): line { $line }: { $name } { $born } is the same as { $of }
duplicate-of-client = client { $id }
duplicate-of-line = line { $line }
import-summary = { $rows } row(s) read, { $errors } error(s), { $duplicates } duplicate(s), { $count } to import
clients-imported = { $imported } client(s) imported, { $skipped } duplicate(s) skipped
import-refused = the file can't be imported as it is
map-not-a-pair = "{ $pair }" is not COLUMN=FIELD
map-no-such-column = the file has no column "{ $column }"; its columns: { $columns }
map-not-a-field = "{ $field }" is not a client field (see --help)

## The student's practice log and profile

log-session = session { $id }
log-entry = entry { $id }
log-signed-off = signed off by { $by } on { $at }
log-not-signed-off = not signed off
minutes = { $minutes } min
log-entry-added = entry { $id } added: { $date }, { $minutes } minutes
log-entry-signed-off = entry { $id } signed off by { $by } on { $at }
practice-log-saved = practice log saved to { $path }
# { $on } is "yes" in student mode.
student-profile =
    student mode:      { $on ->
        [yes] on
       *[no] off
    }
    student:           { $name }
    programme:         { $programme }
    required sessions: { $sessions }
    required hours:    { $hours }
    session length:    { $minutes } minutes
    supervisors:       { $supervisors }

## Settings, plugins, demo data

settings =
    clinic:    { $clinic }
    therapist: { $therapist }
    contact:   { $contact }
    paper:     { $paper }
    auto-lock: { $minutes } minutes
no-plugins = no plugins found
# { $state } is "awaiting-approval", "enabled", "disabled" or "failed".
plugin-state = { $state ->
        [awaiting-approval] awaiting-approval
        [enabled] enabled
        [disabled] disabled
       *[failed] failed
    }
plugin = { $name } { $version } ({ $namespace }) by { $author }
plugin-library = library { $library }
plugin-sha256 = sha256  { $sha256 }
plugin-error = error   { $error }
demo-added = { $count } demo clients added
demo-needs-empty-database = already holds clients; demo data goes into an empty database only

## Backups and restoring

backup-written = backup written to { $path } (checked)
contents = { $clients } clients, { $sessions } sessions, { $findings } findings (last change { $last })
no-change = none
backup-holds = backup: { $contents }
database-holds = now:    { $contents }
backup-unreadable = can't be read: { $problem }
restore-loses = changes made since the backup that restoring loses: { $changes }
restore-needs-yes = nothing changed; run again with --yes to restore
restored = restored; the database as it was is kept beside it
restore-damaged-needs-yes = the database can't be read; run again with --yes to replace it with this backup
restored-damaged = restored; the damaged database is kept at { $path }

## Protecting the database

prompt-passphrase-or-key = Passphrase (or recovery key):{" "}
prompt-new-passphrase = New passphrase:{" "}
prompt-passphrase-again = The same passphrase again:{" "}
passphrases-differ = the two passphrases differ
passphrase-file-unreadable = can't read the passphrase: { $error }
passphrase-no-terminal = the database is protected and there is no terminal to ask for the passphrase: pass --passphrase-file FILE or set { $variable }
protected =
    The database is protected. Its recovery key:

        { $key }

    Print it or write it down and keep it somewhere safe, away from this computer.
    If the passphrase is forgotten, only this key opens the records: no one, not even
    Myochart's makers, can open them without one or the other.
passphrase-changed = passphrase changed; the recovery key stays the same

## Clinic mode

clinic-needs-url = clinic commands take the clinic's database as --db postgres://user@host:port/database
clinic-up-to-date = the clinic's database is up to date
clinic-owner-added = { $login } added as the clinic's owner: they sign in with their own login and password
prompt-owner-password = The owner's password:{" "}
prompt-owner-password-again = The same password again:{" "}
passwords-differ = the two passwords differ
clinic-password-unreadable = can't read the owner's password: { $error }
prompt-clinic-password = Password:{" "}
password-no-terminal = there is no terminal to ask for the clinic password: pass --password-file FILE or set { $variable }
clinic-import-no-file = there is no solo database there
clinic-import-moved = moved into the clinic: { $clients } clients, { $sessions } sessions ({ $signed } signed notes, { $amendments } amendments), { $findings } findings, { $checks } suggested checks, { $handouts } handouts, { $log } practice-log entries, { $snippets } snippets, { $history } audit-log entries kept as history
clinic-import-already = not moved: { $name } is already in the clinic (moved in by { $by } on { $at })
clinic-import-signed-entry = not moved: the practice-log entry of { $date } was signed off; a supervisor in the clinic signs it off again
