## 夜間相談会のメール（件名・本文・カレンダーの予定）
## 件名には相談員の職種も相談の内容も書きません（メールボックスや通知は、ほかの人に見られることがあります）

# 宛名
mail-dear = { $name } 様
# 本文の「項目：内容」の1行
mail-detail = { $label }：{ $value }
# 時間の範囲：2027年1月13日(水) 18:30〜19:20
mail-time-range = { $start }〜{ $end }
# 変更前の枠：日時と相談員
mail-slot-with-consultant = { $time } { $consultant }
mail-date-time = 日時
mail-consultant = 相談員
mail-venue = 会場
mail-bring = 持ち物
mail-questions = お問い合わせ：{ $office }　電話 { $phone }（{ $hours }）
# 相談窓口の1行：名前、電話番号、受付時間
mail-contact = { $name }：{ $phone }（{ $hours }）
mail-talk-now = 今すぐ誰かに話を聞いてほしいときは、次の窓口にご相談ください。
mail-automatic = このメールは送信専用のアドレスから自動で送信しています。返信されても対応できません。
# カレンダーの予定の名前（カレンダーは共有されていることがあります）
mail-calendar-summary = 相談会のご予約
mail-manage-link = ご予約の確認・変更・キャンセル

## 予約の受付
mail-confirmed-subject = 【仙台市】相談会のご予約を受け付けました（{ $date }）
# title: 相談会の名前（設定）
mail-confirmed-lead = { $title }のご予約を受け付けました。
mail-confirmed-arrive = 開始時刻の少し前にお越しください。相談は無料で、秘密は守られます。
mail-confirmed-manage-text = ご予約の確認・キャンセルは、次のリンクから行えます（他の方には教えないでください）。
mail-confirmed-manage-link = ご予約の確認・キャンセル
mail-confirmed-cannot-come = ご都合が悪くなった場合は、キャンセルのお手続きをお願いします。空いた枠を次の方にご案内します。
mail-confirmed-before-the-day = 相談会の日まで待てないときは、次の窓口にご相談ください。

## 予約のキャンセル
mail-cancelled-subject = 【仙台市】相談会のご予約のキャンセルを承りました（{ $date }）
mail-cancelled-body = 次のご予約のキャンセルを承りました。
mail-cancelled-again = またご相談が必要になったときは、いつでもお申し込みください。

## 予約の変更
mail-changed-subject = 【仙台市】相談会のご予約の変更を承りました（{ $date }）
mail-changed-body = ご予約を次のとおり変更しました。
mail-changed-before = 変更前

## キャンセル待ちの登録
mail-waitlist-subject = 【仙台市】相談会のキャンセル待ちに登録しました
mail-waitlist-body = キャンセル待ちに登録しました。枠が空いたら、登録の順にメールでご案内します。
mail-waitlist-deadline = ご案内のメールには返事の期限があります。期限までにお返事がない場合は、次の方にご案内します。
mail-waitlist-evening = 希望する相談会
mail-waitlist-any-evening = どの日でもよい（次に空きが出た回）
mail-waitlist-place = 現在の順番
mail-waitlist-place-value = { $place }番目
mail-waitlist-link = 順番の確認・登録の取り消し

## 空いた枠のご案内
mail-offer-subject = 【仙台市】相談会の枠が空きました（{ $date }）
mail-offer-body = キャンセル待ちにご登録いただいた相談会に空きが出ました。次の枠をお取りしています。
mail-offer-answer = { $deadline }までに、次のリンクから予約するか辞退するかをお選びください。期限を過ぎると、次の方にご案内します。
mail-offer-deadline = お返事の期限
mail-offer-link = この枠を予約する・辞退する

## ご案内の期限切れ
mail-offer-expired-subject = 【仙台市】相談会の空き枠のご案内の期限が過ぎました
mail-offer-expired-body = お返事の期限が過ぎたため、お取りしていた枠は次の方にご案内しました。
mail-offer-expired-again = 引き続き相談を希望される場合は、空いている枠をご予約いただくか、もう一度キャンセル待ちにご登録ください。

## 予約日が近づいたときのお知らせ
mail-reminder-subject = 【仙台市】相談会のご予約日が近づいています（{ $date }）
mail-reminder-body = ご予約の日時が近づいてまいりましたので、お知らせします。
mail-reminder-cancel = ご都合が悪くなった場合は、次のリンクからキャンセルしてください。空いた枠を次の方にご案内します。
mail-reminder-link = ご予約の確認・変更・キャンセル（来られなくなった場合）

## 相談会の中止
mail-session-cancelled-subject = 【仙台市】相談会の中止のお知らせ（{ $date }）
mail-session-cancelled-body = 誠に申し訳ありませんが、ご予約いただいていた相談会は中止となりました。ご予約は取り消されています。
mail-session-cancelled-again = 別の日程をご希望の場合は、あらためてご予約ください。ご不明な点はお問い合わせください。

## 継続相談：次回の枠をお取りしたとき
mail-follow-up-subject = 【仙台市】次回の相談会の枠をお取りしました（{ $date }）
mail-follow-up-body = 相談員との相談で、次回の相談会の枠を、一般の受付が始まる前にお取りしました。
mail-follow-up-answer = { $deadline }までに、次のリンクから予約するか辞退するかをお選びください。お返事がないときは、一般の受付開始とともに、ほかの方が予約できるようになります。
mail-follow-up-expired-subject = 【仙台市】お取りしていた相談会の枠について（{ $date }）
mail-follow-up-expired-body = お返事がなかったため、お取りしていた枠の確保を終えました。相談を希望される場合は、受付開始後にご予約ください。
