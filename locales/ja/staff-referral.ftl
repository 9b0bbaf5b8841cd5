## つなぐ：受け入れ先へのメールとページ、事務局の「つなぎ」一覧
## 件名にはご本人の名前も相談の内容も書きません

referral-notice-subject = 【仙台市】ご紹介のご連絡（受付番号 { $number }）
referral-notice-greeting = { $service } ご担当者様
referral-notice-intro = 仙台市の相談会から、ご本人の同意を得て、次の方をご紹介します。
referral-notice-only-consented = お伝えするのは、ご本人が同意した内容だけです。ご本人とのやりとりの状況を、下のリンクのページでお知らせください（アカウントは要りません）。
referral-notice-link = 対応の状況を記録する（{ $until }まで有効）
referral-withdrawn-subject = 【仙台市】ご紹介の取り下げのご連絡（受付番号 { $number }）
referral-withdrawn-body = 次のご紹介について、ご本人が同意を取り消しました。お伝えした内容は、ページに表示されなくなりました。控えがあれば削除してください。

## 受け入れ先のページ（/referrals/…、アカウントなし）
referral-page-title = ご紹介（受付番号 { $number }）
referral-page-intro = 仙台市の相談会から、ご本人の同意を得てご紹介した方です。表示しているのは、ご本人が同意した内容だけです。
referral-page-withdrawn = ご本人が同意を取り消したため、お伝えした内容は表示しません。控えがあれば削除してください。
referral-page-shared = お伝えした内容
referral-page-nothing-shared = お名前や連絡先はお伝えしていません。ご本人から連絡があります。
referral-page-status = いまの状況
referral-page-history = これまでの記録
referral-page-record = 対応の状況を記録する
referral-page-choose = 状況
referral-page-note = メモ
referral-page-note-hint = 事務局に伝えたいこと（任意・400字まで）。ご本人の相談の内容は書かないでください。
referral-page-submit = 記録する
referral-page-recorded = 記録しました。ありがとうございました。
referral-page-closed = この紹介は、これ以上記録できません。
referral-page-conflict = この状況は、いまは記録できません（ほかの記録が先に届いたか、紹介が終わっています）。
referral-page-expires = このページは { $until } まで使えます。
referral-actor-service = 受け入れ先
referral-actor-person = ご本人
referral-actor-office = 事務局
referral-status-sent = 紹介した
referral-status-contacted = 連絡した
referral-status-connected = つながった
referral-status-unreachable = 連絡がつかない
referral-status-not-eligible = 対象外
referral-status-no-capacity = 受け入れできない
referral-status-declined = 本人が辞退
referral-status-withdrawn = 本人が同意を取り消した
referral-status-closed = 終了

## 事務局への週1回のメール：連絡のないつなぎ
staff-referrals-mail-subject = つなぎの確認のお願い（{ $week }の週）
staff-referrals-mail-intro = 次の{ $count }件のつなぎは、{ $days }日以上、状況の記録がありません。受け入れ先かご本人に確かめ、一覧で状況を記録するか、結果を書いて終了してください。
staff-referrals-mail-entry = { $number }（{ $service }）
staff-referrals-mail-since = 最終記録 { $last }（紹介 { $made }、{ $status }）
staff-referrals-mail-link = つなぎの一覧

## 事務局の「つなぎ」一覧（/staff/referrals）
staff-referrals-link = つなぎ
staff-referrals-title = つなぎ（紹介の状況）
staff-referrals-intro = つないだ方が紹介先とつながるまで、ここで見守ります。{ $days }日以上記録のないものは「要確認」です。結果を書いて終了すると、一覧から外れます。
staff-referrals-none = 見守り中のつなぎはありません。
staff-referrals-caption = 見守り中のつなぎ
staff-referrals-number = 受付番号
staff-referrals-booking = 予約番号
staff-referrals-service = 紹介先
staff-referrals-status = 状況
staff-referrals-made = 紹介（紹介した人）
staff-referrals-last = 最終記録
staff-referrals-age = { $days }日目
staff-referrals-overdue = 要確認
staff-referrals-outcome = 結果
staff-referrals-close = 終了する
staff-referrals-back = 予定表に戻る
staff-done-referral-closed = つなぎを終了しました。

## つなぐ（相談員・事務局：予約から紹介する）
staff-refer-link = つなぐ
staff-refer-title = つなぐ（予約番号 { $booking }）
staff-refer-intro = ご本人の同意を得て、相談先に紹介します。ご本人が選んだことだけが紹介先に伝わり、ご本人と事務局が経過を見守ります。
staff-refer-service = 紹介先
staff-refer-service-fit = この相談に合う相談先
staff-refer-follow-up = 継続相談（次回以降の相談会の枠をお取りする）
staff-refer-service-other = ほかの相談先
staff-refer-choose = 選んでください
staff-refer-consent-heading = ご本人への説明と同意
staff-refer-consent-read = 次の文をご本人に示すか読み上げ、同意を得てください。
staff-refer-consent = ご本人が上の文に同意した
staff-refer-contact = 紹介先からの連絡
staff-refer-contact-phone = 電話で連絡してほしい
staff-refer-contact-email = メールで連絡してほしい
staff-refer-contact-none = 連絡は不要（ご本人から紹介先に連絡する）
staff-refer-share = 紹介先に伝えてよいこと
staff-refer-share-name = お名前
staff-refer-share-contact = 連絡先（選んだ方法の電話番号またはメールアドレス）
staff-refer-share-note = 紹介先へのメモ
staff-refer-share-topic = 相談の分類
staff-refer-note = 紹介先へのメモ
staff-refer-note-hint = ご本人が了承した言葉で書いてください（400字まで）。「紹介先へのメモ」を選んだときだけ伝わります。
staff-refer-submit = つなぐ
staff-done-referred = つなぎました。紹介先とご本人にメールでお知らせします。

## 日報：継続相談
staff-follow-up-note = 前回の相談員から（ご本人の了承済み）
