## Names of the choices, and how dates are written

profession-lawyer = Lawyer
profession-psychologist = Clinical psychologist

age-band-under-20 = Under 20
age-band-20s = 20s
age-band-30s = 30s
age-band-40s = 40s
age-band-50s = 50s
age-band-60s = 60s
age-band-70-plus = 70 or older
age-band-no-answer = Prefer not to say

topic-workplace = Work and the workplace
topic-family = Family
topic-money = Money, debts, property
topic-relationships = Relationships
topic-health = Health, mind and body
topic-other = Something else

# An optional question not asked or not answered
unanswered = Not answered

# Wed 13 January 2027
date = { $weekday } { $day } { $month } { $year }
# Wed 13 January 2027, 18:30
date-time = { $date }, { $time }
# January 2027
year-month = { $month } { $year }
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
