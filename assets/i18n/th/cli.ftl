# ข้อความของคำสั่ง myochart ภาษาไทย (แปลจาก en/cli.ftl)
# What the `myochart` command line says in Thai, translated from en/cli.ftl.
# Keep the words in { $braces }: they are filled in when printing. The words
# are those of ui.ftl: client = ผู้รับบริการ, session = การนวด, trigger point =
# จุดกดเจ็บ, finding = สิ่งที่พบ, note = บันทึก, handout = เอกสารดูแลตนเองที่บ้าน,
# backup = สำรองข้อมูล, passphrase = วลีรหัสผ่าน, recovery key = กุญแจกู้คืน.
#
# Who translated this file, and whether a native speaker has reviewed it
# ("yes" or "no").
-translator = Myochart developers (first draft)
-reviewed-by-native-speaker = no

## Errors and warnings, on stderr

error = ข้อผิดพลาด: { $message }
error-cant-start = ข้อผิดพลาด: เริ่มทำงานไม่ได้: { $error }
warning = คำเตือน: { $message }
warning-no-log = คำเตือน: ไม่มีบันทึกการทำงาน: { $error }

## Clients and sessions

client-added = เพิ่มผู้รับบริการ { $id } แล้ว: { $name }
no-sessions = ยังไม่มีการนวด
client-count = ผู้รับบริการ { $count } คน
client-heading = { $name }  (ผู้รับบริการ { $id })
client-phone = โทรศัพท์
client-email = อีเมล
client-notes = หมายเหตุ
client-born = วันเกิด: { $date }
client-language = ภาษาของเอกสารดูแลตนเองที่บ้าน: { $language }
session-count = การนวด { $count } ครั้ง
session-line = { $date }  การนวด { $id }  { $status ->
        [draft] ฉบับร่าง
        [signed] ลงนามแล้ว
       *[other] { $status }
    }  อาการปวด { $before } -> { $after }  สิ่งที่พบ { $findings } รายการ  { $complaint }
session-started = เริ่มการนวด { $id } วันที่ { $date }
finding-added = เพิ่มสิ่งที่พบ { $id } แล้ว: { $muscle } ({ $side })
side-left = ซ้าย
side-right = ขวา
note-saved = บันทึกของการนวด { $session } บันทึกแล้ว
session-signed = ลงนามการนวด { $session } แล้วเมื่อ { $at }
amendment-added = เพิ่มการแก้ไขเพิ่มเติม { $id } ในการนวด { $session } แล้ว

## The trigger-point atlas and the finder

region = { $muscles } กล้ามเนื้อ  { $name }
review-sheet-saved = บันทึกแผ่นทบทวนของ { $region } ไว้ที่ { $path }
finder-nothing = ไม่มีกล้ามเนื้อที่ส่งต่ออาการปวดมาที่ตำแหน่งนี้
finder-match = { $muscle } ({ $side })  คะแนน { $score }

## Handouts, reports, exports

handout-saved = บันทึกเอกสารดูแลตนเองที่บ้านของการนวด { $session } ไว้ที่ { $path } ({ $paper })
handout-untranslated = พิมพ์เป็นภาษาอังกฤษเพราะยังไม่มีคำแปล: { $texts }
report-saved = บันทึกรายงานไว้ที่ { $path }
export-written = ส่งออกข้อมูลไว้ที่ { $path }
client-record-written = บันทึกข้อมูลของผู้รับบริการไว้ที่ { $path }
imported = นำเข้า { $records } รายการ (ผู้รับบริการ { $clients } คน) จาก { $path }

## Importing clients from a CSV file

import-columns = คอลัมน์ (การจับคู่{ $origin ->
        [chosen] ที่เลือก
        [remembered] ที่จำไว้
       *[suggested] ที่แนะนำ
    }):
import-column-skipped = (ไม่นำเข้า)
import-samples = เช่น { $samples }
import-dates = วันที่: { $format }
import-problem = ปัญหา: { $problem }
import-preview = ตัวอย่าง ({ $shown } แถวแรกจาก { $count } แถวที่จะนำเข้า):
import-line = บรรทัด { $line }: { $values }
import-error = ข้อผิดพลาด: บรรทัด { $line }: { $message }
import-error-in-column = ข้อผิดพลาด: บรรทัด { $line }, { $column }: { $message }
import-duplicate = ข้อมูลซ้ำ ({ $imported ->
        [yes] นำเข้าอยู่ดี
       *[no] ข้าม
    }): บรรทัด { $line }: { $name } { $born } ตรงกับ{ $of }
duplicate-of-client = ผู้รับบริการ { $id }
duplicate-of-line = บรรทัด { $line }
import-summary = อ่าน { $rows } แถว, ข้อผิดพลาด { $errors } รายการ, ข้อมูลซ้ำ { $duplicates } รายการ, จะนำเข้า { $count } แถว
clients-imported = นำเข้าผู้รับบริการ { $imported } คน, ข้ามข้อมูลซ้ำ { $skipped } รายการ
import-refused = นำเข้าไฟล์นี้ตามที่เป็นอยู่ไม่ได้
map-not-a-pair = "{ $pair }" ไม่ได้อยู่ในรูป COLUMN=FIELD
map-no-such-column = ไฟล์ไม่มีคอลัมน์ "{ $column }" คอลัมน์ที่มี: { $columns }
map-not-a-field = "{ $field }" ไม่ใช่ช่องข้อมูลของผู้รับบริการ (ดู --help)

## The student's practice log and profile

log-session = การนวด { $id }
log-entry = รายการ { $id }
log-signed-off = รับรองโดย { $by } วันที่ { $at }
log-not-signed-off = ยังไม่ได้รับรอง
minutes = { $minutes } นาที
log-entry-added = เพิ่มรายการ { $id } แล้ว: { $date }, { $minutes } นาที
log-entry-signed-off = รายการ { $id } รับรองโดย { $by } วันที่ { $at }
practice-log-saved = บันทึกการฝึกปฏิบัติไว้ที่ { $path }
student-profile =
    โหมดนักศึกษา:        { $on ->
        [yes] เปิด
       *[no] ปิด
    }
    นักศึกษา:           { $name }
    หลักสูตร:            { $programme }
    จำนวนการนวดที่ต้องทำ: { $sessions }
    จำนวนชั่วโมงที่ต้องทำ: { $hours }
    ระยะเวลาการนวด:      { $minutes } นาที
    ผู้ควบคุม:            { $supervisors }

## Settings, plugins, demo data

settings =
    คลินิก:       { $clinic }
    ผู้นวด:        { $therapist }
    ติดต่อ:        { $contact }
    กระดาษ:       { $paper }
    ล็อกอัตโนมัติ: { $minutes } นาที
no-plugins = ไม่พบปลั๊กอิน
plugin-state = { $state ->
        [awaiting-approval] รออนุมัติ
        [enabled] เปิดใช้
        [disabled] ปิดใช้
       *[failed] ใช้ไม่ได้
    }
plugin = { $name } { $version } ({ $namespace }) โดย { $author }
plugin-library = ไลบรารี { $library }
plugin-sha256 = sha256  { $sha256 }
plugin-error = ข้อผิดพลาด { $error }
demo-added = เพิ่มผู้รับบริการสมมุติ { $count } คนแล้ว
demo-needs-empty-database = มีผู้รับบริการอยู่แล้ว ข้อมูลสมมุติใส่ได้เฉพาะในฐานข้อมูลที่ว่างเท่านั้น

## Backups and restoring

backup-written = สำรองข้อมูลไว้ที่ { $path } และตรวจสอบแล้ว
contents = ผู้รับบริการ { $clients } คน, การนวด { $sessions } ครั้ง, สิ่งที่พบ { $findings } รายการ (เปลี่ยนแปลงล่าสุด { $last })
no-change = ไม่มี
backup-holds = ข้อมูลสำรอง: { $contents }
database-holds = ตอนนี้: { $contents }
backup-unreadable = อ่านไม่ได้: { $problem }
restore-loses = การเปลี่ยนแปลงหลังจากสำรองข้อมูลที่จะหายไปเมื่อกู้คืน: { $changes }
restore-needs-yes = ยังไม่ได้เปลี่ยนแปลงอะไร สั่งอีกครั้งพร้อม --yes เพื่อกู้คืน
restored = กู้คืนแล้ว ฐานข้อมูลเดิมเก็บไว้ข้าง ๆ
restore-damaged-needs-yes = อ่านฐานข้อมูลไม่ได้ สั่งอีกครั้งพร้อม --yes เพื่อแทนที่ด้วยข้อมูลสำรองชุดนี้
restored-damaged = กู้คืนแล้ว ฐานข้อมูลที่เสียหายเก็บไว้ที่ { $path }

## Protecting the database

prompt-passphrase-or-key = วลีรหัสผ่าน (หรือกุญแจกู้คืน):{" "}
prompt-new-passphrase = วลีรหัสผ่านใหม่:{" "}
prompt-passphrase-again = วลีรหัสผ่านเดิมอีกครั้ง:{" "}
passphrases-differ = วลีรหัสผ่านทั้งสองครั้งไม่ตรงกัน
passphrase-file-unreadable = อ่านวลีรหัสผ่านไม่ได้: { $error }
passphrase-no-terminal = ฐานข้อมูลมีการป้องกัน และไม่มีหน้าจอให้ถามวลีรหัสผ่าน: ใช้ --passphrase-file FILE หรือตั้งค่า { $variable }
protected =
    ฐานข้อมูลมีการป้องกันแล้ว กุญแจกู้คืนของฐานข้อมูลนี้:

        { $key }

    พิมพ์หรือจดไว้ แล้วเก็บในที่ปลอดภัย ห่างจากคอมพิวเตอร์เครื่องนี้
    ถ้าลืมวลีรหัสผ่าน มีแต่กุญแจนี้ที่เปิดข้อมูลได้: ไม่มีใคร แม้แต่ผู้สร้าง Myochart
    เปิดข้อมูลได้โดยไม่มีอย่างใดอย่างหนึ่ง
passphrase-changed = เปลี่ยนวลีรหัสผ่านแล้ว กุญแจกู้คืนยังเหมือนเดิม

## โหมดคลินิก

clinic-needs-url = คำสั่ง clinic ต้องระบุฐานข้อมูลของคลินิกเป็น --db postgres://user@host:port/database
clinic-up-to-date = ฐานข้อมูลของคลินิกเป็นปัจจุบันแล้ว
clinic-owner-added = เพิ่ม { $login } เป็นเจ้าของคลินิกแล้ว: เข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่านของตนเอง
prompt-owner-password = รหัสผ่านของเจ้าของคลินิก:{" "}
prompt-owner-password-again = รหัสผ่านเดิมอีกครั้ง:{" "}
passwords-differ = รหัสผ่านทั้งสองครั้งไม่ตรงกัน
clinic-password-unreadable = อ่านรหัสผ่านของเจ้าของคลินิกไม่ได้: { $error }
prompt-clinic-password = รหัสผ่าน:{" "}
password-no-terminal = ไม่มีหน้าจอให้ถามรหัสผ่านของคลินิก: ใช้ --password-file FILE หรือตั้งค่า { $variable }
clinic-import-no-file = ไม่มีฐานข้อมูลส่วนตัวอยู่ที่นั่น
clinic-import-moved = ย้ายเข้าคลินิกแล้ว: ผู้รับบริการ { $clients } ราย, การนัด { $sessions } ครั้ง (บันทึกที่ลงนาม { $signed }, ฉบับแก้ไข { $amendments }), จุดกดเจ็บ { $findings } จุด, จุดที่แนะนำให้ตรวจ { $checks } จุด, เอกสารคำแนะนำ { $handouts } ฉบับ, บันทึกการฝึก { $log } รายการ, ข้อความสำเร็จรูป { $snippets } รายการ, ประวัติการแก้ไข { $history } รายการ
clinic-import-already = ไม่ได้ย้าย: { $name } อยู่ในคลินิกแล้ว (ย้ายเข้าโดย { $by } เมื่อ { $at })
clinic-import-signed-entry = ไม่ได้ย้าย: บันทึกการฝึกวันที่ { $date } ลงนามรับรองแล้ว ผู้ควบคุมในคลินิกต้องลงนามใหม่
