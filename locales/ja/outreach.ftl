## 周知：「何で知りましたか」、空きのお知らせ（登録・確認・配信停止・お知らせのメール）、公開カレンダー、埋め込み表示、ポスター
## 件名・差出人・カレンダーの件名には、相談の内容がわかる言葉を書きません

heard-from-question = この相談会を何で知りましたか
health-heard-from-question = この窓口を何で知りましたか
heard-from-hint = 答えなくてもかまいません。お知らせの方法を考える参考にします。

## 空きのお知らせの登録（/subscribe）
subscribe-link = 空きのお知らせを受け取る
subscribe-heading = 空きのお知らせを受け取る
subscribe-intro = 相談会の予約の受付が始まったときや、近い日の相談会に空きが出たときに、メールでお知らせします。登録するのはメールアドレスだけです。
subscribe-kinds = お知らせの内容
subscribe-kinds-hint = 一つ以上選んでください。
subscribe-new-month = 翌月の相談会の予約の受付が始まったとき
subscribe-free-slot = { $days }日以内の相談会に空きがあり、キャンセル待ちの方がいないとき
subscribe-email = メールアドレス
subscribe-email-hint = 確認のメールを送ります。メールにあるリンクを開くと登録が完了します。
subscribe-submit = 登録する
subscribe-privacy = お知らせは1日に1通まで、午前8時から午後9時までの間にお送りします。メールアドレスはこのお知らせにだけ使い、配信を停止するとすぐに削除します。
subscribe-sent-heading = 確認のメールをお送りしました
subscribe-sent-body = メールにあるリンクを開くと、登録が完了します。7日以内に開かないときは、登録は取り消され、メールアドレスは削除されます。メールが届かないときは、迷惑メールの設定をご確認ください。
subscribe-confirmed-heading = 登録が完了しました
subscribe-confirmed-body = 空きのお知らせをお送りします。不要になったときは、お知らせのメールにあるリンクから配信を停止できます。
subscribe-link-gone = このリンクは使えません。登録がすでに完了しているか、有効期限（7日）が過ぎています。必要なときは、もう一度登録してください。
unsubscribe-heading = 空きのお知らせの配信停止
unsubscribe-body = 配信を停止すると、登録されたメールアドレスを削除します。
unsubscribe-submit = 配信を停止する
unsubscribe-done-heading = 配信を停止しました
unsubscribe-done-body = メールアドレスを削除しました。今後、空きのお知らせはお送りしません。
subscribe-field-kinds = お知らせの内容

## メール
subscription-confirm-subject = 相談会の空き状況のお知らせ（登録の確認）
subscription-confirm-body = 相談会の空き状況のお知らせへの登録のお申込みを受け付けました。次のリンクを開くと、登録が完了します（7日間有効です）。
subscription-confirm-link = 登録を完了する
subscription-confirm-ignore = お心当たりがないときは、このメールを破棄してください。リンクを開かなければ登録されず、メールアドレスは7日後に削除されます。
subscription-notice-subject = 相談会の空き状況のお知らせ
subscription-notice-body = ご登録いただいた、相談会の空き状況をお知らせします。
subscription-notice-opened = { $date }の相談会の予約の受付が始まりました（空き { $free }枠）
subscription-notice-free = { $date }の相談会で、{ $profession }の相談に空きがあります（{ $free }枠）
subscription-notice-book = 予約のページ
subscription-notice-pace = このお知らせは1日に1通まで、昼間にだけお送りしています。
subscription-unsubscribe = 配信の停止（メールアドレスを削除します）

## 公開カレンダー・次回の相談会
feed-summary = 相談会（夜間）
feed-free = 空き：弁護士 { $lawyer }枠、臨床心理士 { $psychologist }枠
feed-book = 予約：{ $url }
feed-cancelled = この回は中止になりました。
embed-heading = 次回の相談会
embed-free = 空き { $free }枠
embed-book = 予約する
embed-none = 空きのある相談会は、いまはありません。
embed-all = 相談会の一覧

## ポスター（1回分、A4）
poster-title = ポスター
poster-lead = 仕事の悩み、こころの悩みを、弁護士・臨床心理士に相談できます。
poster-free = 無料・予約制・秘密は守ります
poster-when = 日時
poster-where = 会場
poster-book = 予約はこちらから
poster-print = 印刷する（A4）
