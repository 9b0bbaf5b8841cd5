## 選択肢の名前と日付の書き方

profession-lawyer = 弁護士
profession-psychologist = 臨床心理士

age-band-under-20 = 20歳未満
age-band-20s = 20代
age-band-30s = 30代
age-band-40s = 40代
age-band-50s = 50代
age-band-60s = 60代
age-band-70-plus = 70歳以上
age-band-no-answer = 答えたくない

topic-workplace = 仕事・職場のこと
topic-family = 家族・家庭のこと
topic-money = お金・借金・財産のこと
topic-relationships = 人間関係のこと
topic-health = 心や体の健康のこと
topic-other = その他

# 聞かれなかった、または答えなかった任意の質問
unanswered = 未回答

# 日付：2027年1月13日(水)
date = { $year }年{ $month }{ $day }日({ $weekday })
# 日時：2027年1月13日(水) 18:30
date-time = { $date } { $time }
# 月：2027年1月
year-month = { $year }年{ $month }
weekday-1 = 月
weekday-2 = 火
weekday-3 = 水
weekday-4 = 木
weekday-5 = 金
weekday-6 = 土
weekday-7 = 日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
