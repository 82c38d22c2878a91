# Language: Thai (th).
# Translated by: Myochart contributors, machine-assisted draft.
# Reviewed by a native speaker: no
#
# Words used throughout: client = ผู้รับบริการ, session = การนวด, trigger point =
# จุดกดเจ็บ (trigger point), finding = สิ่งที่พบ, note = บันทึก, handout =
# เอกสารดูแลตนเองที่บ้าน, red flags = สัญญาณอันตราย. Thai has one plural form, so
# messages with a number need no plural variants. Comments are in English, as in en/ui.ftl.

## Words used across the app

common-cancel = ยกเลิก
common-close = ปิด
common-save = บันทึก

## App: the window's header and main screen

app-note-not-saved = บันทึกข้อความไม่สำเร็จ ดูที่บันทึกนั้นแล้วลองใหม่อีกครั้ง
app-server-unreachable = ติดต่อเซิร์ฟเวอร์ของคลินิกไม่ได้ บันทึกที่พิมพ์จะถูกเก็บไว้ในเครื่องนี้แบบเข้ารหัส และจะบันทึกขึ้นเซิร์ฟเวอร์เมื่อกลับมาใช้ได้
app-note-not-saved-close = บันทึกข้อความไม่สำเร็จ (ดูที่บันทึกนั้น) ปิดหน้าต่างอีกครั้งหากต้องการออกโดยไม่บันทึก
app-demo = ทดลองใช้
app-demo-title = ผู้รับบริการสมมุติ เก็บแยกไว้ในฐานข้อมูลอีกชุดหนึ่ง
app-leave-demo = ออกจากโหมดทดลอง
app-read-only = ดูได้อย่างเดียว
app-read-only-title = เปิดไว้เพื่อดูเท่านั้น แก้ไขอะไรไม่ได้
app-lock = ล็อก
app-lock-title = ปิดข้อมูลไว้จนกว่าจะใส่วลีรหัสผ่านอีกครั้ง
app-practice-log = บันทึกการฝึกปฏิบัติ
app-plugins = ปลั๊กอิน
app-settings = การตั้งค่า
app-opening-database = กำลังเปิดฐานข้อมูล…
# Around the search key, shown as "/" between the two.
app-hint-before-key = เลือกผู้รับบริการทางซ้าย หรือเพิ่มคนใหม่ กด
app-hint-after-key = เพื่อค้นหา

## Amendments to a signed note

amendments-heading = การแก้ไขเพิ่มเติม
amendments-signed-note = บันทึกที่ลงนามแล้วแก้ไขโดยตรงไม่ได้ ให้เพิ่มการแก้ไขเพิ่มเติมเพื่อแก้หรือเสริมข้อมูล
amendments-reason = เหตุผล (เช่น แก้ไขข้อผิดพลาด ได้ข้อมูลเพิ่มภายหลัง)
amendments-text = ข้อความแก้ไขเพิ่มเติม
amendments-add = เพิ่มการแก้ไขเพิ่มเติม

## Assessments from plugins

assessment-heading = การประเมิน
assessment-choose = เลือกแบบประเมิน
# A field's normal value and its unit, e.g. "(normal 45 °)".
assessment-normal = (ค่าปกติ { $normal } { $unit })
assessment-score = คิดคะแนน
assessment-add-to-note = เพิ่มลงในบันทึก (O)
# One measurement in the summary added to the note, e.g. "Flexion 30 (67% of normal)".
assessment-item = { $label } { $value } ({ $percent }% ของค่าปกติ)

## Backups

backup-now = สำรองข้อมูลเดี๋ยวนี้
backup-automatic = สำรองอัตโนมัติวันละครั้งเมื่อปิด Myochart เก็บไว้ รายวัน 7 ชุด รายสัปดาห์ 4 ชุด รายเดือน 12 ชุด
backup-written = สำรองข้อมูลไว้ที่ { $path } และตรวจสอบแล้ว
backup-holds = ผู้รับบริการ { $clients } คน, การนวด { $sessions } ครั้ง, สิ่งที่พบ { $findings } รายการ
backup-restore-question = กู้คืนข้อมูลสำรองของ { $made } หรือไม่
backup-now-holds = ตอนนี้
backup-backup-holds = ข้อมูลสำรอง
backup-changes-lost = { $count ->
    [0] ไม่มีอะไรเปลี่ยนแปลงตั้งแต่สำรองข้อมูลชุดนี้
   *[other] การเปลี่ยนแปลง { $count } รายการหลังจากสำรองข้อมูลชุดนี้จะถูกย้อนกลับ
  }
# $contents is the list of counts, e.g. "3 clients, 5 sessions, 12 findings".
backup-holds-sentence = ข้อมูลสำรองนี้มี { $contents }
backup-kept-beside = ฐานข้อมูลในสภาพปัจจุบันจะถูกเก็บไว้ข้าง ๆ ก่อน จึงย้อนกลับเองได้ภายหลัง
backup-restore-this = กู้คืนข้อมูลสำรองชุดนี้
backup-none = ยังไม่มีข้อมูลสำรอง
backup-made = วันที่สำรอง
backup-holds-column = ข้อมูลที่มี
backup-unreadable = อ่านไม่ได้: { $problem }
backup-restore = กู้คืน…

## Body chart views

view-front = ด้านหน้า
view-back = ด้านหลัง
view-right-side = ด้านขวา
view-left-side = ด้านซ้าย
view-soles = ฝ่าเท้า
view-set-front-back = หน้าและหลัง
view-set-sides = ด้านข้าง
view-set-soles = ฝ่าเท้า

## Body chart

chart-label = แผนภาพร่างกาย{ $view }: ใช้ปุ่มลูกศรเลื่อนเคอร์เซอร์ กด Enter เพื่อแตะ
# The client's right and left, printed at the chart's top corners.
chart-right-short = ขวา
chart-left-short = ซ้าย
chart-marker-name = จุดที่ { $number }: { $muscle } ด้าน{ $side } เจ็บเมื่อกด { $tenderness } จาก 10

## A client's record

client-edit = แก้ไข
client-new-session = เริ่มการนวดครั้งใหม่
client-new-session-title = เริ่มการนวดครั้งใหม่ (N)
client-red-flags = สัญญาณอันตราย
client-not-screened = ยังไม่ได้คัดกรองสัญญาณอันตราย ถามคำถามได้ที่ปุ่มแก้ไข
client-unasked = มีคำถามสัญญาณอันตรายเพิ่มขึ้น { $count } ข้อหลังการคัดกรองครั้งนี้ ถามได้ที่ปุ่มแก้ไข
client-health-history-short = ประวัติ
client-avoid-short = หลีกเลี่ยง
client-consent = { $scope } — { $date } ลงนามโดย { $signedBy }
client-consent-not-recorded = ยังไม่ได้บันทึก
client-screened = คัดกรองเมื่อ
client-all-sessions = แสดงการนวดทั้งหมด { $count } ครั้ง
client-handouts-in = ภาษาของเอกสาร
client-sessions = การนวด
# Around the key that starts a session, shown as "N" between the two.
client-no-sessions-before-key = ยังไม่มีการนวด กด
client-no-sessions-after-key = เพื่อเริ่มครั้งแรก
client-session-date = วันที่
client-session-complaint = อาการสำคัญ
client-session-pain = อาการปวด ก่อน → หลัง
client-session-findings = สิ่งที่พบ
client-session-note = บันทึก
client-amended = แก้ไขเพิ่มเติม +{ $count }
client-handouts-given = เอกสารดูแลตนเองที่มอบให้แล้ว
# The paper a handout was printed on, in the list of handouts given (A4 is A4 everywhere).
client-handout-letter = US Letter
client-next-visit = นัดครั้งต่อไป { $date }
client-their-record = ข้อมูลของผู้รับบริการ
client-their-record-hint = สำหรับผู้รับบริการที่ขอข้อมูลของตน: ทุกอย่างที่บันทึกไว้เกี่ยวกับเขา เป็นไฟล์ PDF ที่อ่านง่ายและไฟล์ JSON
client-export = ส่งออกข้อมูลของผู้รับบริการคนนี้

## Words for values the records hold

pressure-unknown = ยังไม่ได้ถาม
pressure-light = เบา
pressure-moderate = ปานกลาง
pressure-firm = หนัก
activity-active = แอคทีฟ
activity-latent = แฝง
note-status-signed = ลงนามแล้ว
note-status-draft = ฉบับร่าง
common-open = เปิด

## A finding as one line of the note's Objective, e.g.
## "1. Upper trapezius (L), tenderness 7/10, active, referral reproduced, moderate 90 s"

finding-line-tenderness = เจ็บเมื่อกด { $tenderness }/10
finding-line-referral = กดแล้วปวดร้าว
# The pressure used and for how long.
finding-line-pressure = { $pressure } { $seconds } วินาที
# Said instead of the pressure when none was chosen.
finding-line-no-pressure = แรงกด

## History: what each action did

history-client-create = สร้างข้อมูลผู้รับบริการ
history-client-update = แก้ไขข้อมูลผู้รับบริการ
history-client-delete = ลบผู้รับบริการ
history-session-create = เริ่มการนวด
history-session-delete = ลบการนวด
history-note-write = บันทึกฉบับร่าง
history-note-sign = ลงนามบันทึก
history-note-amend = แก้ไขเพิ่มเติมบันทึก
history-finding-add = บันทึกสิ่งที่พบลงแผนภาพ
history-finding-move = ย้ายสิ่งที่พบ
history-finding-remove = ลบสิ่งที่พบ
history-finding-restore = นำสิ่งที่พบกลับคืน
history-checks-add = เพิ่มกล้ามเนื้อที่ต้องตรวจ
history-handout-give = มอบเอกสารดูแลตนเองที่บ้าน
history-export-case-study = บันทึกกรณีศึกษา (ปกปิดตัวตน)
history-export-class-report = บันทึกรายงานประจำชั้นเรียน
history-database-backup = สำรองข้อมูลทั้งฐานข้อมูล

## History: what an entry's detail is

history-detail-note-amend = เหตุผล
history-detail-checks-add = กล้ามเนื้อ
history-detail-handout-give = บันทึกไว้ที่
history-detail-export-case-study = บันทึกไว้ที่
history-detail-export-class-report = บันทึกไว้ที่
history-detail-database-backup = บันทึกไว้ที่

## Fields as the forms label them (history shows changes by them)

contact-only = ข้อมูลติดต่อและความยินยอม: คลินิกไม่ให้เคาน์เตอร์ต้อนรับเห็นข้อมูลทางคลินิก
field-first-name = ชื่อ
field-last-name = นามสกุล
field-phone = โทรศัพท์
field-email = อีเมล
field-date-of-birth = วันเกิด
field-notes = หมายเหตุ
field-health-history = ประวัติสุขภาพ
field-medications = ยาที่ใช้อยู่
field-contraindications = ข้อห้าม
field-areas-to-avoid = บริเวณที่ควรหลีกเลี่ยง
field-pressure-tolerance = แรงกด
field-handout-language = ภาษาของเอกสารดูแลตนเอง
field-consent-scope = ความยินยอม
field-consent-date = วันที่ให้ความยินยอม
field-consent-signed-by = ผู้ลงนามยินยอม
field-red-flags = สัญญาณอันตรายที่ตอบว่าใช่
field-screened-flags = คำถามสัญญาณอันตรายที่ถาม
field-screened-at = คัดกรองสัญญาณอันตรายเมื่อ
field-session-date = วันที่นวด
field-therapist = ผู้นวด
field-subjective = ข้อมูลจากผู้รับบริการ
field-objective = ข้อมูลจากการตรวจ
field-assessment = การประเมิน
field-plan = แผนการดูแล
field-pain-before = อาการปวดก่อนนวด
field-pain-after = อาการปวดหลังนวด
field-status = บันทึก
field-signed-at = ลงนามเมื่อ
field-text = การแก้ไขเพิ่มเติม
field-view = มุมมอง
field-side = ข้าง
field-x = ตำแหน่งแนวนอนบนแผนภาพ
field-y = ตำแหน่งแนวตั้งบนแผนภาพ

## History: values in words

history-word-unknown = ยังไม่ได้ถาม
history-word-draft = ฉบับร่าง
history-word-signed = ลงนามแล้ว
history-word-right-side = ด้านขวา
history-word-left-side = ด้านซ้าย

## History: sentences

# A change of a client's record that screened red flags, e.g. "Client record changed: red-flag screening".
history-screening = { $action }: คัดกรองสัญญาณอันตราย
history-session-of = การนวดวันที่ { $date }
history-questions = { $count } ข้อ
history-none = ไม่มี
history-yes = ใช่
history-no = ไม่ใช่
history-by = โดย { $actor }
history-before = ก่อน
history-after = หลัง
history-added = เพิ่ม
history-nothing-yet = ยังไม่มีการบันทึก
history-heading = ประวัติการแก้ไข
common-loading = กำลังโหลด…

## Client form

form-correct-marked = กรุณาแก้ไขช่องที่มีเครื่องหมาย
client-form-edit = แก้ไขข้อมูลผู้รับบริการ
client-form-new = ผู้รับบริการใหม่
client-form-contact = ข้อมูลติดต่อ
client-form-date-of-birth = วันเกิด
client-form-pressure = แรงกดที่รับได้
pressure-choice-unknown = ยังไม่ได้ถาม
pressure-choice-light = เบา
pressure-choice-moderate = ปานกลาง
pressure-choice-firm = หนัก
client-form-screening = คัดกรองสัญญาณอันตราย
client-form-screening-hint = ถามทีละข้อ ถ้าตอบว่า “ใช่” ให้ส่งต่อแพทย์ อย่าเพิ่งนวด
client-form-answered = ตอบแล้ว { $answered } จาก { $count } ข้อ
client-form-no = ไม่ใช่
client-form-yes = ใช่
client-form-clear-answers = ล้างคำตอบ (คัดกรองภายหลัง)
client-form-consent-scope = สิ่งที่ผู้รับบริการยินยอม
client-form-consent-example = เช่น การนวดจุดกดเจ็บ (trigger point) บริเวณคอและบ่า
client-form-consent-date = วันที่
client-form-consent-signed-by = ลงนามโดย
client-form-save = บันทึกการแก้ไข
client-form-add = เพิ่มผู้รับบริการ

## Client list

client-list-search-placeholder = ค้นหาชื่อ โทรศัพท์ หรืออีเมล
client-list-search = ค้นหาผู้รับบริการ
client-list-new = ใหม่
client-list-last-visit = มาครั้งล่าสุด { $date }
client-list-no-sessions = ยังไม่มีการนวด
client-list-no-match = ไม่พบผู้รับบริการที่ตรงกับ “{ $query }”
client-list-empty = ยังไม่มีผู้รับบริการ
client-list-shown = แสดง { $count } คน
client-list-import = นำเข้าจาก CSV…

## Importing clients from a CSV file

csv-dialog-label = นำเข้าผู้รับบริการจาก CSV
csv-heading = นำเข้าผู้รับบริการจากไฟล์ CSV
csv-date-dmy = วัน/เดือน/ปี (25/03/1984)
csv-date-mdy = เดือน/วัน/ปี (03/25/1984)
csv-date-ymd = ปี-เดือน-วัน (1984-03-25)
csv-adding-clients = กำลังเพิ่มผู้รับบริการ
csv-already-here = มีอยู่ใน Myochart แล้ว
csv-same-as-line = ซ้ำกับบรรทัดที่ { $line }
csv-imported = เพิ่มผู้รับบริการ { $count } คนลงใน Myochart แล้ว
csv-skipped = ข้าม { $count } แถว เพราะมีผู้รับบริการคนนั้นอยู่แล้ว
csv-ask-at-first-visit = ในไฟล์ไม่มีประวัติสุขภาพ ความยินยอม และคำถามสัญญาณอันตราย ให้ถามเมื่อผู้รับบริการแต่ละคนมาครั้งแรก
# $label says what is being done, e.g. "Adding clients: 120 of 400".
csv-progress = { $label }: { $step } จาก { $total }
csv-intro = ย้ายข้อมูลผู้รับบริการมาจากระบบอื่น: ส่งออกจากระบบนั้นเป็นไฟล์ CSV ("CSV UTF-8" ในโปรแกรมตารางคำนวณ) แล้วเลือกไฟล์ที่นี่ คุณจะได้ตรวจดูทุกอย่างก่อนเพิ่มข้อมูลใด ๆ
csv-source = ไฟล์นี้มาจากที่ใด (ไม่บังคับ เพื่อให้ Myochart จำคอลัมน์ไว้ใช้ครั้งหน้า)
csv-source-example = เช่น ชื่อระบบจองคิวเดิมของคุณ
csv-choose = เลือกไฟล์ CSV…
csv-choose-another = เลือกไฟล์อื่น…
csv-rows = { $count } แถว
csv-columns-heading = 1. คอลัมน์ไหนคือข้อมูลอะไร
csv-columns-remembered = ตั้งไว้ตามครั้งล่าสุดที่นำเข้าจากระบบนี้ โปรดตรวจสอบ
csv-columns-suggested = จับคู่จากชื่อคอลัมน์ โปรดตรวจสอบ
csv-columns-chosen = ตามที่คุณเลือก
csv-columns-left-out = คอลัมน์ที่ตั้งเป็น "ไม่นำเข้า" จะถูกข้ามไป
csv-column = คอลัมน์ในไฟล์
csv-goes-into = ใส่ลงใน
csv-for-example = ตัวอย่าง
csv-field-for = ช่องสำหรับ { $header }
csv-dont-import = ไม่นำเข้า
csv-dates-written = วันเกิดเขียนแบบ
csv-choose-format = เลือก…
csv-errors-heading = แถวที่นำเข้าไม่ได้ ({ $count })
csv-errors-hint = ถ้ายังมีแถวที่ผิดอยู่ จะไม่มีการนำเข้าเลย เพื่อไม่ให้ผู้รับบริการคนใดตกหล่น แก้ไขแถวเหล่านี้ในไฟล์ (หรือในระบบเดิมแล้วส่งออกใหม่) แล้วเลือกไฟล์อีกครั้ง
# $line is the row's line number in the file.
csv-line = บรรทัดที่ { $line }
csv-duplicates-heading = ผู้รับบริการที่อาจมีอยู่แล้ว ({ $count })
csv-duplicates-hint = ชื่อและวันเกิดตรงกับผู้รับบริการใน Myochart หรือกับแถวก่อนหน้าในไฟล์
csv-born = , เกิด { $date }
csv-skip-duplicates = ข้ามไป (แนะนำ)
csv-import-duplicates = นำเข้าเป็นผู้รับบริการใหม่อยู่ดี
csv-preview-heading = 2. ผู้รับบริการกลุ่มแรกจะออกมาเป็นแบบนี้
csv-line-column = บรรทัด
csv-import = นำเข้าผู้รับบริการ { $count } คน

## Sides of the body

side-right = ขวา
side-left = ซ้าย

## The window while no database is open: unlocking, or why it can't be opened

closed-locked = Myochart ถูกล็อกอยู่
closed-encrypted = ข้อมูลถูกเข้ารหัสไว้ ใส่วลีรหัสผ่านเพื่อเปิด
closed-passphrase = วลีรหัสผ่าน
closed-recovery-key = กุญแจกู้คืน (ตามที่พิมพ์ไว้)
closed-use-passphrase = ใช้วลีรหัสผ่าน
closed-use-recovery-key = ลืมวลีรหัสผ่าน? ใช้กุญแจกู้คืนแทน
closed-unlock = ปลดล็อก
closed-cannot-open = เปิดฐานข้อมูลไม่ได้
closed-read-only-hint = คุณยังดูข้อมูลได้ แต่แก้ไขอะไรไม่ได้
closed-open-read-only = เปิดแบบดูอย่างเดียว
closed-restore = กู้คืนข้อมูลสำรอง
closed-damaged-kept = ไฟล์ที่เสียหายจะถูกเก็บไว้ข้างไฟล์ที่กู้คืน จึงไม่สูญเสียอะไรเพิ่ม

## Welcome: a database with no clients yet

empty-welcome = ยินดีต้อนรับสู่ Myochart
empty-no-clients = ฐานข้อมูลนี้ยังไม่มีผู้รับบริการ
# Around the DEMO badge (app-demo), which sits between the two.
empty-demo-before-badge = ลองใช้งานกับผู้รับบริการสมมุติก่อนก็ได้ ข้อมูลเหล่านี้อยู่ในฐานข้อมูลทดลองแยกต่างหาก มีป้าย
empty-demo-after-badge = {" "}และไม่ปนกับข้อมูลจริงของคุณ
empty-preparing-demo = กำลังเตรียมข้อมูลทดลอง…
empty-explore-demo = ทดลองใช้กับข้อมูลตัวอย่าง
empty-first-client = เพิ่มผู้รับบริการคนแรก
empty-coming-from = ย้ายมาจากระบบอื่นใช่ไหม
empty-import = นำเข้าผู้รับบริการจาก CSV…
# Around a link, which sits between the two.
empty-protect-before-link = ข้อมูลผู้รับบริการเป็นข้อมูลสุขภาพ ถ้าคอมพิวเตอร์เครื่องนี้อาจสูญหายหรือใช้ร่วมกับผู้อื่น
empty-protect-link = ป้องกันด้วยวลีรหัสผ่าน
# Starts with a space where the language puts one.
empty-protect-after-link = {" "}ก่อน

## Exporting files

export-busy = กำลังส่งออก…
export-written-to = บันทึกไว้ที่

## Finder: muscles that refer pain to the spots tapped

finder-heading = กล้ามเนื้อที่ส่งอาการปวดร้าวมาที่นี่
finder-spots = { $count } จุด
finder-clear = ล้าง
finder-tap = แตะแผนภาพตรงที่ปวด
finder-none = ไม่มีกล้ามเนื้อในแผนที่กล้ามเนื้อที่ส่งอาการปวดร้าวมาที่นี่
# A match whose zone is a spillover zone, not the essential one.
finder-spillover = บริเวณร้าวรอง
# A match whose zone is near the spot, not over it.
finder-nearby = ใกล้เคียง
finder-add-checks = เพิ่ม { $count } รายการที่ต้องตรวจ

## Adding a finding

finding-add-heading = เพิ่มสิ่งที่พบ
finding-nearest = จุดกดเจ็บ (trigger point) ที่ใกล้ที่สุด
finding-search = ค้นหากล้ามเนื้อทั้งหมด
finding-search-placeholder = พิมพ์บางส่วนของชื่อ เช่น soleus
finding-muscle = กล้ามเนื้อ
finding-choose-muscle = เลือกกล้ามเนื้อ
finding-side = ข้าง (ของผู้รับบริการ)
finding-right = ขวา
finding-left = ซ้าย
finding-point = ชนิดของจุด
finding-active = แอคทีฟ
finding-latent = แฝง
finding-tenderness = ความเจ็บเมื่อกด
finding-referral = เมื่อกดแล้วเกิดอาการปวดแบบที่ผู้รับบริการคุ้นเคย
finding-technique = เทคนิค
finding-pressure = แรงกด
finding-seconds = วินาที
finding-response = การตอบสนอง
finding-response-example = เช่น เจ็บลดลง อาการร้าวจางลง
finding-save = เพิ่มสิ่งที่พบ

## A session's findings

findings-to-check = ต้องตรวจ:
findings-dont-check = ไม่ต้องตรวจ
findings-remove = ลบ
findings-remove-label = ลบสิ่งที่พบ
findings-none = ยังไม่มี
findings-take-care = ข้อควรระวัง:

## Home-care handout

handout-heading = เอกสารดูแลตนเองที่บ้าน
handout-intro = เอกสารพิมพ์สำหรับผู้รับบริการ: จุดของเขาเองบนแผนภาพร่างกาย วิธีคลายแต่ละจุดโดยไม่เจ็บ ท่ายืดเหยียด และเมื่อไรควรไปพบแพทย์
handout-saved-to = บันทึกไว้ที่
handout-open = เปิดเพื่อดูหรือพิมพ์
handout-paper = ขนาดกระดาษ
paper-letter = US Letter
handout-advice = คำแนะนำจากคุณ (ไม่บังคับ)
handout-advice-example = เช่น พักสายตาจากหน้าจอสั้น ๆ ทุกชั่วโมง
handout-next = นัดครั้งต่อไป (ไม่บังคับ)
handout-next-example = เช่น อ. 2 ธ.ค. 10:00 น.
handout-preview = ดูตัวอย่าง
handout-preview-title = เปิดดูในโปรแกรมอ่าน PDF โดยไม่บันทึกว่าได้มอบให้แล้ว
handout-save = บันทึก PDF
handout-language = ภาษา
handout-untranslated = ข้อความต่อไปนี้ยังไม่มีคำแปล จึงจะพิมพ์เป็นภาษาอังกฤษ:
handout-own-wording = ข้อความของเอกสารเอง ({ $count } ข้อความ)
untranslated-name = ชื่อ
untranslated-point-location = ตำแหน่งจุด
untranslated-referral = บริเวณที่ปวดร้าว
untranslated-self-care = การดูแลตนเอง
untranslated-stretch = ท่ายืด
untranslated-summary = สรุป
untranslated-steps = ขั้นตอน
untranslated-cautions = ข้อควรระวัง
untranslated-tools = อุปกรณ์
common-saving = กำลังบันทึก…

## SOAP note

note-pain-error = ต้องเป็นจำนวนเต็ม 0 ถึง 10 จะยังไม่บันทึกจนกว่าจะแก้ให้ถูก

note-heading = บันทึก SOAP
note-signed = ลงนามแล้ว { $at }
note-draft-saved = บันทึกฉบับร่างแล้ว { $at }
note-not-saved = ยังไม่ได้บันทึก
note-kept-locally = เก็บไว้ในเครื่องนี้จนกว่าเซิร์ฟเวอร์ของคลินิกจะกลับมา
note-pain-before = อาการปวดก่อนนวด (0–10)
note-pain-after = อาการปวดหลังนวด (0–10)
note-subjective-hint = อาการตามคำบอกเล่าของผู้รับบริการ ประวัติ สิ่งที่ทำให้แย่ลงหรือดีขึ้น
note-objective-hint = พิสัยการเคลื่อนไหว ท่าทาง (สิ่งที่พบมาจากแผนภาพ)
note-assessment-hint = คุณคิดว่าเกิดอะไรขึ้น
note-plan-hint = ความถี่ การดูแลตนเองที่บ้าน การส่งต่อ
note-no-findings = ยังไม่มีสิ่งที่พบบนแผนภาพ
# Shown with the keys: "Saves as you type · Ctrl+S save · Ctrl+Enter sign".
note-saves-as-you-type = บันทึกอัตโนมัติขณะพิมพ์
note-key-save = บันทึก
note-key-sign = ลงนาม
note-sign = ลงนามบันทึก
note-history = ประวัติการแก้ไขบันทึก

## Pain over the sessions

pain-plot-label = อาการปวดก่อนและหลังการนวดแต่ละครั้ง
pain-plot-before-point = { $date }: ก่อน { $pain }
pain-plot-after-point = { $date }: หลัง { $pain }
# The legend: a key of each line's colour, then these words.
pain-plot-before = ก่อน
pain-plot-after = หลังนวด (อาการปวด 0–10)

## Plugins

plugin-intro = ปลั๊กอินเพิ่มบริเวณของร่างกาย เทคนิค และแบบประเมิน ปลั๊กอินคือโปรแกรม: ปลั๊กอินใหม่หรือที่เปลี่ยนไปจะไม่ทำงานเลยจนกว่าคุณจะอนุมัติ และเมื่ออนุมัติแล้วจะถูกทดลองในโปรเซสแยกก่อน ปลั๊กอินที่เสียจึงทำให้ Myochart ล่มไม่ได้
plugin-awaiting-approval = รอการอนุมัติ
plugin-enabled = เปิดใช้งาน
plugin-disabled = ปิดใช้งาน
plugin-failed = ล้มเหลว
plugin-author = ผู้สร้าง
plugin-namespace = เนมสเปซ
plugin-library = ไลบรารี
plugin-sha256 = SHA-256
plugin-approved = อนุมัติเมื่อ
plugin-checking = กำลังตรวจสอบ…
plugin-try-again = ลองอีกครั้ง
plugin-approve = อนุมัติและโหลด
plugin-disable = ปิดใช้งาน
plugin-enable = เปิดใช้งาน
plugin-none = ไม่พบปลั๊กอิน ให้วางโฟลเดอร์ของปลั๊กอิน (ไลบรารีและ plugin.toml) ไว้ในโฟลเดอร์ plugins ข้างฐานข้อมูล

## Protecting the database with a passphrase

protect-differ = วลีรหัสผ่านทั้งสองไม่ตรงกัน
protect-changed = เปลี่ยนวลีรหัสผ่านแล้ว กุญแจกู้คืนยังเป็นอันเดิม
protect-encrypted = ฐานข้อมูลนี้ถูกเข้ารหัส จะล็อกเมื่อไม่มีการใช้งานตามเวลาที่ตั้งไว้ด้านบน และเปิดได้ด้วยวลีรหัสผ่านหรือกุญแจกู้คืนเท่านั้น
protect-change-heading = เปลี่ยนวลีรหัสผ่าน
protect-the-recovery-key = กุญแจกู้คืน
protect-current = วลีรหัสผ่านปัจจุบัน
protect-forgot = ฉันลืมวลีรหัสผ่าน: ใช้กุญแจกู้คืน
protect-new = วลีรหัสผ่านใหม่
protect-new-again = วลีรหัสผ่านใหม่อีกครั้ง
protect-change = เปลี่ยนวลีรหัสผ่าน
protect-your-key = กุญแจกู้คืนของคุณ
# Around the stressed word "only", which sits between the two.
protect-key-before-only = หากลืมวลีรหัสผ่าน กุญแจนี้เป็นทาง
protect-key-only = เดียว
protect-key-after-only = ที่จะเปิดข้อมูลของคุณได้ ไม่มีใครตั้งวลีรหัสผ่านใหม่ให้ได้ แม้แต่ผู้พัฒนา Myochart พิมพ์หรือจดไว้ แล้วเก็บในที่ปลอดภัย ห่างจากคอมพิวเตอร์เครื่องนี้
protect-print = พิมพ์
protect-kept-key = ฉันพิมพ์หรือจดกุญแจกู้คืนไว้แล้ว
protect-back = ย้อนกลับ
protect-encrypting = กำลังเข้ารหัส…
protect-encrypt = เข้ารหัสฐานข้อมูล
protect-intro = เข้ารหัสฐานข้อมูลนี้ เพื่อไม่ให้ใครอ่านข้อมูลได้หากไม่มีวลีรหัสผ่าน แม้จะได้คอมพิวเตอร์เครื่องนี้ไป ข้อมูลสำรองจะถูกเข้ารหัสด้วย ส่วนข้อมูลสำรองที่ทำไว้ก่อนหน้าจะยังเป็นแบบเดิม: ลบทิ้งหรือเก็บไว้ในที่ปลอดภัย
protect-passphrase = วลีรหัสผ่าน (ใช้หลายคำต่อกัน จำง่ายแต่เดายาก)
protect-same-again = วลีรหัสผ่านเดิมอีกครั้ง
protect-start = ป้องกันด้วยวลีรหัสผ่าน…

## Charting a session

session-heading = การนวดวันที่ { $date }
session-with = โดย { $therapist }
session-handout = เอกสารดูแลตนเอง…
session-handout-title = พิมพ์จุดของผู้รับบริการเองและวิธีดูแลตนเอง
session-handout-chart-first = บันทึกจุดบนแผนภาพก่อน
session-red-flags = สัญญาณอันตรายจากการซักประวัติ
session-chart-mode = โหมดแผนภาพ
session-mode-chart = บันทึกสิ่งที่พบ
session-mode-chart-title = แตะที่ร่างกายเพื่อเพิ่มสิ่งที่พบ
session-mode-finder = ค้นหากล้ามเนื้อ
session-mode-finder-title = แตะตรงที่ปวดเพื่อดูว่ากล้ามเนื้อใดส่งอาการปวดร้าวมาที่นั่น (F)
session-last-session = ครั้งก่อน
session-undo = เลิกทำ
session-undo-title = เลิกทำ (Ctrl+Z)
session-views = มุมมอง
session-close-up = ภาพขยาย
session-whole-body = ทั้งตัว
session-hint-signed = ลงนามแล้ว: สิ่งที่พบถูกล็อกไว้ แตะจุดเพื่อดูบริเวณที่ปวดร้าว
session-hint-finder = แตะทุกจุดที่ผู้รับบริการรู้สึกปวด ในมุมมองใดก็ได้
session-hint-chart = แตะที่ร่างกายตรงที่คุณพบจุด (หรือกด Tab ไปที่แผนภาพ ใช้ลูกศร แล้วกด Enter) ลากจุดเพื่อย้าย

## Settings

settings-language = ภาษา
settings-language-system = ตามระบบ
settings-saved = บันทึกแล้ว
settings-handout = ในเอกสารดูแลตนเองทุกฉบับ
settings-clinic = ชื่อคลินิก
settings-therapist = ผู้นวด (เมื่อการนวดไม่ได้ระบุชื่อ)
settings-contact = ช่องทางที่ผู้รับบริการติดต่อคุณ
settings-contact-example = โทรศัพท์ อีเมล ที่อยู่
settings-security = ความปลอดภัย
settings-auto-lock = ล็อกเมื่อไม่มีใครใช้งานนานกี่นาที
settings-save = บันทึกการตั้งค่า
settings-student = นักศึกษา
settings-student-mode = ฉันเป็นนักศึกษา: เก็บบันทึกการฝึกปฏิบัติ
settings-student-name = ชื่อของคุณ (ในบันทึกที่ส่งสถาบัน)
settings-programme = หลักสูตร
settings-sessions-required = จำนวนครั้งที่ต้องทำ
settings-hours-required = จำนวนชั่วโมงที่ต้องทำ
settings-session-minutes = การนวดที่บันทึกไว้หนึ่งครั้งนับกี่นาที
settings-supervisors = อาจารย์ผู้นิเทศ (คั่นด้วยจุลภาค)
settings-save-student = บันทึกการตั้งค่านักศึกษา
settings-database = ฐานข้อมูล
settings-one-file = ทุกอย่างอยู่ในไฟล์เดียว:
settings-one-file-demo = ทุกอย่างอยู่ในไฟล์เดียว (ฐานข้อมูลทดลอง):
settings-backups = ข้อมูลสำรอง
settings-export = ส่งออก
# Around the command "myochart import", which sits between the two.
settings-export-before-command = ทุกอย่างในฐานข้อมูล รวมทั้งรายการที่ลบแล้วและบันทึกการตรวจสอบ เป็นไฟล์ JSON ไฟล์เดียว
settings-export-after-command = นำกลับเข้าฐานข้อมูลว่างได้ ไฟล์นี้ไม่ได้เข้ารหัส แม้ฐานข้อมูลจะเข้ารหัสไว้ก็ตาม: เก็บให้ปลอดภัยเท่ากับตัวข้อมูลเอง
settings-export-all = ส่งออกทั้งหมด
settings-logs = บันทึกการทำงาน (log)
settings-logs-hint = สิ่งที่ Myochart ทำและสิ่งที่ล้มเหลว วันละไฟล์ เก็บไว้สองสัปดาห์ มีแค่หมายเลขรายการ ไม่มีชื่อ ไม่มีบันทึก ส่งให้ผู้ที่ช่วยคุณเมื่อมีอะไรบันทึกไม่สำเร็จ
settings-open-logs = เปิดโฟลเดอร์บันทึกการทำงาน

## Signing a note

sign-label = ลงนามบันทึก
sign-question = ลงนามบันทึกนี้หรือไม่
sign-explanation = เมื่อลงนามแล้ว บันทึกและสิ่งที่พบจะเปลี่ยนแปลงไม่ได้ การแก้ไขจะเป็นการแก้ไขเพิ่มเติมที่ระบุวันที่
sign-keep-editing = แก้ไขต่อ
sign-confirm = ลงนาม

## Snippets of text for the note

snippets-heading = ข้อความสำเร็จรูป:
snippets-delete = ลบข้อความสำเร็จรูป { $label }
snippets-label = ชื่อ
snippets-text = ข้อความที่จะแทรก
snippets-new = ข้อความสำเร็จรูปใหม่

## Practice log and reports (students)

student-heading = บันทึกการฝึกปฏิบัติและรายงาน
student-starting = กำลังเริ่ม
student-bar-sessions = จำนวนครั้ง
student-bar-hours = ชั่วโมง
student-set-programme = ตั้งหลักสูตรและเกณฑ์ที่ต้องทำได้ที่ การตั้งค่า → นักศึกษา
student-export-csv = ส่งออก CSV
student-export-pdf = ส่งออก PDF
student-date = วันที่
student-client = ผู้รับบริการ
student-minutes = นาที
student-techniques = เทคนิค
student-supervisor = อาจารย์ผู้นิเทศ
student-signed-off = รับรองแล้ว
# A log entry that comes from a session charted in Myochart.
student-charted = บันทึกในแผนภาพ
student-sign-off = รับรอง
student-sign-off-date = วันที่ลงนามรับรอง
student-log-empty = ยังไม่มี: การนวดที่บันทึกไว้จะแสดงที่นี่เอง
student-sign-off-entry = รับรอง { $date } · { $client }:
student-signed-off-final = รายการที่รับรองแล้วเปลี่ยนแปลงไม่ได้
student-add-elsewhere = เพิ่มการฝึกปฏิบัติที่ทำที่อื่น
student-client-code = รหัสผู้รับบริการ
student-client-code-hint = ห้ามใช้ชื่อ
student-add-to-log = เพิ่มลงบันทึก
student-case-study = กรณีศึกษา
student-case-study-hint = รายงานผู้รับบริการหนึ่งคนแบบปกปิดตัวตน: ใช้รหัสผู้รับบริการและช่วงอายุ ไม่มีชื่อ ข้อมูลติดต่อ หรือวันเกิด
student-choose-client = เลือกผู้รับบริการ
student-from = ตั้งแต่
student-to = ถึง
student-reflection = บทสะท้อนของคุณ
student-reflection-hint = สิ่งที่คุณพบ สิ่งที่ลองทำ อะไรได้ผล และครั้งหน้าจะทำอะไรต่างไป
student-anonymity = ตรวจก่อนเผยแพร่: จุดที่อาจระบุตัวผู้รับบริการได้ และสิ่งที่การตรวจนี้มองไม่เห็น
student-build-case-study = สร้างกรณีศึกษา
student-class-report = รายงานประจำชั้นเรียน
student-slides = เป็นสไลด์แนวนอนสำหรับชั้นเรียน
student-build-class-report = สร้างรายงานประจำชั้นเรียน

app-clinic-title = เซิร์ฟเวอร์และฐานข้อมูลของคลินิก และผู้ที่ลงชื่อเข้าใช้
closed-sign-in = ลงชื่อเข้าใช้คลินิก
closed-password = รหัสผ่าน
closed-sign-in-button = ลงชื่อเข้าใช้
clinic-heading = เชื่อมต่อกับเซิร์ฟเวอร์ของคลินิก
clinic-hint = นักบำบัดหลายคนใช้ข้อมูลชุดเดียวกันบนเซิร์ฟเวอร์ PostgreSQL ของคลินิกได้ โดยแต่ละคนลงชื่อเข้าใช้ด้วยบัญชีของตนเอง
clinic-connected = เชื่อมต่ออยู่กับ
clinic-leave = ใช้ฐานข้อมูลในเครื่องนี้
clinic-server = เซิร์ฟเวอร์
clinic-port = พอร์ต
clinic-database = ฐานข้อมูล
clinic-login = ชื่อผู้ใช้
clinic-tls = การเข้ารหัส (TLS)
clinic-tls-verify-full = เข้ารหัส ตรวจชื่อเซิร์ฟเวอร์
clinic-tls-verify-ca = เข้ารหัส ตรวจใบรับรอง
clinic-tls-require = เข้ารหัส ไม่ตรวจ
clinic-tls-prefer = เข้ารหัสเมื่อเซิร์ฟเวอร์รองรับ
clinic-tls-disable = ไม่เข้ารหัส
clinic-connect = เชื่อมต่อ

## A note kept while the clinic server was away, not saved since
kept-heading = พิมพ์ไว้ระหว่างที่ติดต่อเซิร์ฟเวอร์ของคลินิกไม่ได้ และยังไม่ได้บันทึก
kept-explained = ข้อความนี้ พิมพ์ล่าสุดเมื่อ { $at } บันทึกไม่ได้เมื่อเซิร์ฟเวอร์กลับมา เพราะบันทึกนี้ถูกแก้ไขจากที่อื่นในระหว่างนั้น คัดลอกส่วนที่ต้องการไปใส่ในบันทึก แล้วจึงเก็บข้อความนี้ออก
kept-put-aside = เก็บออก
