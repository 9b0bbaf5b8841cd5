## えらぶものの なまえと、日付（ひづけ）の 書きかた

profession-lawyer = ｜弁護士《べんごし》（｜法律《ほうりつ》の｜専門家《せんもんか》）
profession-psychologist = ｜臨床心理士《りんしょうしんりし》（こころの｜専門家《せんもんか》）

age-band-under-20 = 20さいより｜下《した》
age-band-20s = 20さい〜29さい
age-band-30s = 30さい〜39さい
age-band-40s = 40さい〜49さい
age-band-50s = 50さい〜59さい
age-band-60s = 60さい〜69さい
age-band-70-plus = 70さいより｜上《うえ》
age-band-no-answer = こたえたくない

topic-workplace = ｜仕事《しごと》や｜会社《かいしゃ》のこと
topic-family = ｜家族《かぞく》のこと
topic-money = お｜金《かね》や｜借金《しゃっきん》のこと
topic-relationships = ｜人《ひと》との｜関係《かんけい》のこと
topic-health = こころや｜体《からだ》の｜健康《けんこう》のこと
topic-other = そのほか

unanswered = こたえていません

# 2027年1月13日（水曜日）
date = { $year }｜年《ねん》{ $month }{ $day }｜日《にち》（{ $weekday }）
date-time = { $date } { $time }
year-month = { $year }｜年《ねん》{ $month }
weekday-1 = ｜月曜日《げつようび》
weekday-2 = ｜火曜日《かようび》
weekday-3 = ｜水曜日《すいようび》
weekday-4 = ｜木曜日《もくようび》
weekday-5 = ｜金曜日《きんようび》
weekday-6 = ｜土曜日《どようび》
weekday-7 = ｜日曜日《にちようび》
month-1 = 1｜月《がつ》
month-2 = 2｜月《がつ》
month-3 = 3｜月《がつ》
month-4 = 4｜月《がつ》
month-5 = 5｜月《がつ》
month-6 = 6｜月《がつ》
month-7 = 7｜月《がつ》
month-8 = 8｜月《がつ》
month-9 = 9｜月《がつ》
month-10 = 10｜月《がつ》
month-11 = 11｜月《がつ》
month-12 = 12｜月《がつ》
