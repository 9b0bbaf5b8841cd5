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
