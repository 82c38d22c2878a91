# The home-care handout's fixed text, in English: the source every other
# language translates. Words in { $braces } are filled in when printing;
# keep them, in whatever order your language needs. A text missing from a
# translation prints in English, and the therapist is told before printing.
#
# Who translated this file, and whether a native speaker has reviewed it
# ("yes" or "no"). English is the source: it needs no translator.
-translator = Myochart
-reviewed-by-native-speaker = yes

## The PDF's title, the header and the footer

# The PDF document's title, shown by PDF viewers.
document-title = Home care for { $name } – { $date }
title = Home care for { $name }
from-your-treatment = From your treatment on { $date }.
from-your-treatment-with = From your treatment on { $date } with { $therapist }.
next-visit = Next visit
footer = Home care for { $name } · { $date }
page-of = Page { NUMBER($page) } of { NUMBER($count) }

# A date: { $day } and { $month } are numbers, { $year } the year AD,
# { $buddhist-year } the same year in the Buddhist era (2026 is 2569).
long-date = { NUMBER($day) } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }

## The therapist's advice and the body chart

from-your-therapist = From your therapist
your-trigger-points = Your trigger points
trigger-points-explained = A trigger point is a small knot in a muscle that can send pain somewhere else. These are the points we worked on today; the numbers on the chart match the numbered muscles below.

# The body chart's views, and the client's own left and right beside them.
view-front = Front
view-back = Back
view-right-side = Right side
view-left-side = Left side
view-soles = Soles
your-left = Your left
your-right = Your right

## The techniques

how-to-release = { NUMBER($techniques) ->
    [one] How to release a point
   *[other] How to release your points
}
what-you-can-use = What you can use

## The muscles, one by one

your-muscles = Your muscles, one by one
# A muscle and the sides it was found on: "Upper trapezius, right side".
muscle-and-side = { $muscle }, { $side ->
    [left] left side
    [right] right side
   *[both] both sides
}
the-point = The point
pain-it-sends = Pain it sends
therapist-will-show-the-point = Your therapist will show you where this point is.
release-it = Release it
release-with-technique = { $technique }, { NUMBER($min) } to { NUMBER($max) } seconds on each point, as described above.
release-as-shown = As your therapist showed you, always staying below pain.
stretch = Stretch
stretch-hold = { $stretch }: hold for { NUMBER($seconds) } seconds, { NUMBER($times) ->
    [one] once.
   *[other] { NUMBER($times) } times.
}
how-often = How often
how-often-advice = Once or twice a day, and whenever the pain starts to build.

## When to see a doctor: one line for each red flag

see-your-doctor-if = See your doctor if…
stop-and-see-a-doctor = Stop the self-treatment and see a doctor before your next massage if:
see-your-doctor-arm-numbness = your arm or hand goes numb, tingles or feels weak
see-your-doctor-leg-numbness = your leg or foot goes numb, tingles or feels weak
see-your-doctor-sudden-headache = you get a sudden or "worst ever" headache
see-your-doctor-headache-fever-stiff-neck = you have a headache with fever and a stiff neck
see-your-doctor-temple-headache-over-50 = you are over 50 and get a new headache at the temple, jaw pain when chewing, a tender scalp or changes in your vision
see-your-doctor-after-trauma = your symptoms started after a fall, a blow or a concussion
see-your-doctor-dizziness-visual = you feel dizzy or your vision changes
see-your-doctor-chest-pain = you have chest pain, pressure or breathlessness (call an ambulance if it is severe or sudden)
see-your-doctor-bladder-bowel-saddle = your bladder or bowel control changes, or you feel numb between your legs
see-your-doctor-swollen-calf = your calf is swollen, red or warm (do not massage it)
see-your-doctor-weight-loss-night-pain = you lose weight without trying, have had cancer, or the pain is constant and worse at night
see-your-doctor-unexplained-lump = you find a lump you can't explain
see-your-doctor-spreading-worsening = your symptoms spread or keep getting worse
