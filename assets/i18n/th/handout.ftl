# ข้อความคงที่ของเอกสารดูแลตนเองที่บ้าน ภาษาไทย (แปลจาก en/handout.ftl)
# The home-care handout's fixed text in Thai, translated from en/handout.ftl.
# Keep the words in { $braces }: they are filled in when printing.
#
# Who translated this file, and whether a native speaker has reviewed it
# ("yes" or "no").
-translator = Myochart developers (first draft)
-reviewed-by-native-speaker = no

## The PDF's title, the header and the footer

document-title = การดูแลตนเองที่บ้านสำหรับคุณ{ $name } – { $date }
title = การดูแลตนเองที่บ้านสำหรับคุณ{ $name }
from-your-treatment = จากการรักษาของคุณเมื่อวันที่ { $date }
from-your-treatment-with = จากการรักษาของคุณเมื่อวันที่ { $date } กับ { $therapist }
next-visit = นัดครั้งต่อไป
footer = การดูแลตนเองที่บ้านสำหรับคุณ{ $name } · { $date }
page-of = หน้า { NUMBER($page) } จาก { NUMBER($count) }

# Thai dates are written with the year in the Buddhist era.
long-date = { NUMBER($day) } { $month ->
    [1] มกราคม
    [2] กุมภาพันธ์
    [3] มีนาคม
    [4] เมษายน
    [5] พฤษภาคม
    [6] มิถุนายน
    [7] กรกฎาคม
    [8] สิงหาคม
    [9] กันยายน
    [10] ตุลาคม
    [11] พฤศจิกายน
   *[12] ธันวาคม
} { $buddhist-year }

## The therapist's advice and the body chart

from-your-therapist = คำแนะนำจากนักบำบัดของคุณ
your-trigger-points = จุดกดเจ็บของคุณ
trigger-points-explained = จุดกดเจ็บ (ทริกเกอร์พอยต์) คือปมเล็ก ๆ ในกล้ามเนื้อที่อาจทำให้ปวดร้าวไปที่อื่นได้ นี่คือจุดที่เราคลายให้คุณวันนี้ ตัวเลขบนแผนภาพตรงกับกล้ามเนื้อที่มีหมายเลขด้านล่าง

# The body chart's views, and the client's own left and right beside them.
view-front = ด้านหน้า
view-back = ด้านหลัง
view-right-side = ด้านข้างขวา
view-left-side = ด้านข้างซ้าย
view-soles = ฝ่าเท้า
your-left = ซ้ายของคุณ
your-right = ขวาของคุณ

## The techniques

how-to-release = { NUMBER($techniques) ->
    [one] วิธีคลายจุดกดเจ็บ
   *[other] วิธีคลายจุดกดเจ็บของคุณ
}
what-you-can-use = สิ่งที่ใช้ช่วยได้

## The muscles, one by one

your-muscles = กล้ามเนื้อของคุณทีละมัด
muscle-and-side = { $muscle } { $side ->
    [left] ด้านซ้าย
    [right] ด้านขวา
   *[both] ทั้งสองด้าน
}
the-point = ตำแหน่งจุด
pain-it-sends = อาการปวดร้าว
therapist-will-show-the-point = นักบำบัดจะชี้ให้คุณดูว่าจุดนี้อยู่ตรงไหน
release-it = วิธีคลาย
release-with-technique = { $technique } ครั้งละ { NUMBER($min) } ถึง { NUMBER($max) } วินาทีต่อจุด ตามวิธีที่อธิบายไว้ข้างบน
release-as-shown = ทำตามที่นักบำบัดสอน โดยไม่ให้รู้สึกเจ็บ
stretch = การยืดเหยียด
stretch-hold = { $stretch }: ค้างไว้ { NUMBER($seconds) } วินาที ทำ { NUMBER($times) } ครั้ง
how-often = ทำบ่อยแค่ไหน
how-often-advice = วันละหนึ่งถึงสองครั้ง และทุกครั้งที่เริ่มรู้สึกปวด

## When to see a doctor: one line for each red flag

see-your-doctor-if = ควรไปพบแพทย์ถ้า…
stop-and-see-a-doctor = หยุดการดูแลตนเองและไปพบแพทย์ก่อนนวดครั้งต่อไป ถ้า:
see-your-doctor-arm-numbness = แขนหรือมือชา เป็นเหน็บ หรืออ่อนแรง
see-your-doctor-leg-numbness = ขาหรือเท้าชา เป็นเหน็บ หรืออ่อนแรง
see-your-doctor-sudden-headache = ปวดศีรษะขึ้นมาทันที หรือปวดรุนแรงที่สุดเท่าที่เคยเป็น
see-your-doctor-headache-fever-stiff-neck = ปวดศีรษะร่วมกับมีไข้และคอแข็ง
see-your-doctor-temple-headache-over-50 = อายุเกิน 50 ปีและเริ่มปวดที่ขมับ ปวดกรามเวลาเคี้ยว หนังศีรษะกดเจ็บ หรือการมองเห็นเปลี่ยนไป
see-your-doctor-after-trauma = อาการเริ่มหลังจากหกล้ม ถูกกระแทก หรือศีรษะได้รับการกระทบกระเทือน
see-your-doctor-dizziness-visual = เวียนศีรษะ หรือการมองเห็นเปลี่ยนไป
see-your-doctor-chest-pain = เจ็บหน้าอก แน่นหน้าอก หรือหายใจไม่อิ่ม (ถ้าเป็นรุนแรงหรือเป็นทันที ให้โทรเรียกรถพยาบาล 1669)
see-your-doctor-bladder-bowel-saddle = การกลั้นปัสสาวะหรืออุจจาระเปลี่ยนไป หรือรู้สึกชาบริเวณระหว่างขา
see-your-doctor-swollen-calf = น่องบวม แดง หรืออุ่น (ห้ามนวดบริเวณนั้น)
see-your-doctor-weight-loss-night-pain = น้ำหนักลดโดยไม่ได้ตั้งใจ เคยเป็นมะเร็ง หรือปวดตลอดเวลาและปวดมากขึ้นตอนกลางคืน
see-your-doctor-unexplained-lump = พบก้อนที่หาสาเหตุไม่ได้
see-your-doctor-spreading-worsening = อาการลามออกไปหรือแย่ลงเรื่อย ๆ
