## 産業保健センターから事業場へのメール（件名・本文・カレンダーの予定）
## 件名はセンターの名前と受付番号だけで、面接の種類は書きません（メールボックスは共有されていることがあります）

# 宛名：事業場の名前、担当者の名前（それぞれ1行）
mail-health-dear =
    { $business }
    { $contact } 様
mail-health-number = 受付番号
mail-health-status-link = お申込みの状況の確認・連絡先の変更・取下げ
mail-health-place-in-queue = 現在の順番
mail-health-place-value = { $place }番目
mail-health-expected = 実施の見込み
# month: 2027年2月
mail-health-expected-value = { $month }ごろ
mail-health-due = 法令上の期限
mail-health-place = 場所
mail-health-visit = 医師が事業場を訪問します
mail-health-doctor = 担当医師
mail-health-reason = 理由
# 実施されなかった予定の日時がわからないとき
mail-health-planned-day = ご予定の日
# カレンダーの予定の名前（面接の種類は書きません）
mail-health-calendar-summary = 産業保健センター 医師との面談
mail-health-calendar-visit = 事業場（医師が訪問）
# 実施の見込みが法令上の期限より後になるとき（ページにも表示）
mail-health-late = 実施の見込みが、法令上の期限より後になっています。センターはこのことを把握しており、日程についてご連絡します。

## お申込みの受付
mail-health-received-subject = 【{ $centre }】お申込みを受け付けました（受付番号 { $number }）
mail-health-received-body = 産業保健サービスのお申込みを受け付けました。法令上の期限が近いものから順に、日程を調整してご連絡します。
mail-health-received-estimate = 順番と実施の見込みは、現在の状況からの目安です。

## 日程のご提案
mail-health-proposed-subject = 【{ $centre }】日程のご提案（受付番号 { $number }）
mail-health-proposed-body = お申込みについて、次の日程をご提案します。
mail-health-proposed-answer = 下のリンクから、この日程でよいか、別の日程を希望されるかをお知らせください。別の日程を希望されても、順番はそのままです。

## 日程の確定
mail-health-accepted-subject = 【{ $centre }】日程が確定しました（受付番号 { $number }）
mail-health-accepted-body = 次の日程で確定しました。対象の方の健康診断結果や勤務状況の資料があればご用意ください。

## 別の日程の希望
mail-health-declined-subject = 【{ $centre }】別の日程を調整します（受付番号 { $number }）
mail-health-declined-body = ご提案した日程は取り消しました。順番はそのままで、別の日程をあらためてご提案します。

## 取下げ
mail-health-withdrawn-subject = 【{ $centre }】お申込みの取下げを承りました（受付番号 { $number }）
mail-health-withdrawn-body = お申込みの取下げを承りました。あらためてご利用の際は、もう一度お申し込みください。

## 実施されなかったとき：待機に戻す
mail-health-requeued-subject = 【{ $centre }】日程をあらためて調整します（受付番号 { $number }）
mail-health-requeued-body = { $when }の予定は実施されませんでした。お申込みは元の順番のまま待機に戻しましたので、あらためて日程をご提案します。

## 実施されなかったとき：終了
mail-health-closed-subject = 【{ $centre }】お申込みを終了しました（受付番号 { $number }）
mail-health-closed-body = { $when }の予定が実施されなかったため、お申込みを終了しました。あらためてご利用の際は、もう一度お申し込みいただくか、センターにお電話ください。

## 実施日が近づいたときのお知らせ
mail-health-reminder-subject = 【{ $centre }】実施日が近づいています（受付番号 { $number }）
mail-health-reminder-body = ご予定の日が近づいてまいりましたので、お知らせします。
