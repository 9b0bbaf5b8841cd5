## 職員の画面（事務局）：枠組み、サインイン、相談会の月の一覧・当日名簿・電話連絡の一覧、
## 書き出し、相談員の名簿、職員アカウント、操作記録、確認と完了のメッセージ

## 枠組み

staff-site-title = 事務局
staff-site-name = 相談会 事務局
staff-menu = 職員メニュー
staff-sign-out = ログアウト
# 名前に説明を添える形：「法 律子（弁護士）」
staff-name-and-detail = { $name }（{ $detail }）
# 見出しと内容：「開始日：日付を…」
staff-labelled = { $label }：{ $text }
# 並べる語の区切り（土曜日・祝日）
staff-list-and = ・
staff-list-comma = 、
staff-role-admin = 管理者
staff-role-coordinator = 事務局
staff-role-professional = 相談員
staff-profession-doctor = 産業医

## サインイン

staff-login-title = ログイン
staff-login-heading = 職員ログイン
staff-login-failed = メールアドレスまたはパスワードが正しくありません。
staff-email = メールアドレス
staff-password = パスワード
staff-login-submit = ログイン

## 確認の画面とエラーの画面

staff-confirm-nothing-yet = まだ何も変更していません。
staff-confirm-go = はい、実行します
staff-confirm-back = やめて戻る
staff-error-title = エラー
staff-error-heading = 処理できませんでした
staff-forbidden-heading = この操作はできません
staff-forbidden-help = 担当の範囲外の画面や操作です。必要な場合は、事務局の管理者にご相談ください。
staff-to-top = 事務局のトップへ

## 操作のあとのメッセージ

staff-done-attendance = 出欠を記録しました。
staff-done-assigned = 担当の相談員を決めました。
staff-done-moved = 日時を変更しました。予約している方にはメールでお知らせしました。
staff-done-cancelled = この相談会を中止しました。予約している方にはメールでお知らせしました。電話連絡の方には、お電話でお伝えください。
staff-done-restored = 中止を取り消しました。この相談会は再び予約を受け付けます（取り消した予約は元に戻りません）。
staff-done-added = 相談会を追加しました。
staff-done-booking-cancelled = 予約を取り消しました。
staff-done-booked = 電話予約を入力しました。確認のメールをお送りしました。
staff-done-booked-phone-only = 電話予約を入力しました。メールはお送りしません。3日前の連絡は「電話連絡の一覧」に載ります。
staff-done-generated = 定例の相談会を作成しました（作成済みの月はそのままです）。
staff-done-series = 開催ルールを保存しました。
staff-done-professional-added = 相談員を名簿に追加しました。
staff-done-professional-rested = 相談員を休止にしました。
staff-done-professional-restored = 相談員を再開しました。
staff-done-account-added = アカウントを追加しました。
staff-done-account-closed = アカウントを停止しました。サインインとAPIトークンは使えなくなりました。
staff-done-account-reopened = アカウントを再開しました。

## 事務局の操作が断られた理由

staff-conflict-attendance-too-early = 出欠は、相談会が始まってから記録できます。
staff-conflict-session-not-scheduled = この相談会は、すでに中止されています。
staff-conflict-session-not-movable = この相談会は移動できません（中止済みか、移動先の日時が過ぎています）。
staff-conflict-session-not-restorable = この相談会の中止は取り消せません（開始時刻を過ぎたか、同じ時間に別の相談会があります）。
staff-conflict-cannot-close-own-account = ご自分のアカウントは閉じられません。
staff-conflict-other = ほかの操作と重なったため、処理できませんでした。もう一度お試しください。

## 相談会の月の一覧

staff-roster-title = { $month }の相談会
staff-roster-caption = { $month }の相談会の一覧
staff-month-nav = 月の移動
staff-prev-month = 前の月
staff-next-month = 次の月
staff-export-month = この月の予約をCSVで書き出す
staff-professionals-link = 相談員の名簿
staff-accounts-link = 職員アカウント
staff-audit-link = 操作記録
staff-health-roster-link = 産業保健センター（医師の日程）
staff-health-queue-link = 産業保健センターの申込み
staff-no-evenings = この月の相談会はありません。
staff-when = 日時
staff-bookings = 予約状況
# 中止した相談会の日時に続けて
staff-cancelled-mark = （中止）
staff-unassigned = 未定
# 予約状況：弁護士 2/4 ・ 心理士 1/4、キャンセル待ち 0
staff-fill = 弁護士 { $lawyers } ・ 心理士 { $psychologists }、キャンセル待ち { $waiting }
staff-fill-with-attendance = 弁護士 { $lawyers } ・ 心理士 { $psychologists }、キャンセル待ち { $waiting }、来所 { $attended }・欠席 { $no_shows }
staff-call-list-count = 電話連絡の一覧（{ $count }人）
staff-doctor-days-heading = 産業保健センター 医師の面接日
staff-date = 日付
staff-doctor = 医師
staff-interviews = 面接
staff-interview-count = { $count }件
staff-add-evening-heading = 相談会を追加する
staff-add-evening-date = 日付（臨時の相談会）
staff-start-time = 開始時刻
staff-add = 追加する
staff-series-legend = 定例の開催ルール（今後作成する相談会に使います）
staff-series-week = 第
staff-series-weekday = 曜日
staff-series-save = ルールを保存する
staff-generate-months = 定例の相談会を作成する月数（作成済みの月はそのまま）
staff-generate = 作成する
staff-weekday-mon = 月曜日
staff-weekday-tue = 火曜日
staff-weekday-wed = 水曜日
staff-weekday-thu = 木曜日
staff-weekday-fri = 金曜日

## 当日名簿

staff-sheet-title = { $date } 当日名簿
staff-sheet-title-cancelled = { $date } 当日名簿（中止）
staff-sheet-cancelled = この相談会は中止しました。
staff-sheet-cancelled-told = 予約は取り消され、予約していた方にはお知らせしました。
staff-sheet-summary = 会場：{ $venue }　弁護士：{ $lawyer }　臨床心理士：{ $psychologist }
staff-sheet-caption = 相談枠と予約者
staff-time = 時間
staff-consultant = 相談員
staff-name-kana = 氏名（フリガナ）
staff-phone = 電話
staff-topic = 相談内容
staff-first-visit = 初回
staff-returning = 再来
staff-attendance = 出欠
staff-phone-only = 電話連絡
staff-attendance-after-start = 相談会の開始後に記録できます
staff-cancel-booking = 予約を取り消す
# 読み上げ用：どの予約のボタンか
staff-cancel-booking-whose = （{ $name }さん { $time }）
staff-attendance-of = { $name }さんの出欠
staff-note = メモ
staff-record = 記録
staff-free = （空き）
staff-cancelled-slot = （中止）
staff-phone-book = 電話予約を入力する
# 読み上げ用：どの枠のリンクか
staff-phone-book-which = （{ $time } { $profession }）
staff-restore-heading = 中止の取消し
staff-restore-help = 中止を取り消すと、この相談会は再び予約を受け付けます。取り消した予約は元に戻りません。
staff-restore = 中止を取り消す
staff-manage-heading = この相談会の管理
staff-assign-label = 担当する相談員
staff-assign = 担当に決める
staff-move-date = 日付を変更する（予約者全員にメールでお知らせします）
staff-move = 日時を変更する
staff-cancel-evening-help = 中止にすると、予約者全員に中止のお知らせをメールでお送りし、予約を取り消します。
staff-cancel-evening = この相談会を中止する
staff-call-list-link = 電話連絡の一覧（{ $count }人・3日前にお電話）
staff-back-to-month = 月の一覧に戻る
staff-attended = 来所
staff-no-show = 無断欠席
staff-late-cancel = 直前キャンセル

## 予約の取消しの確認

staff-cancel-booking-heading = この予約を取り消しますか
staff-cancel-booking-line = { $name }さんの予約（{ $when } { $profession }）を取り消します。
staff-cancel-booking-no-email = この方はメールアドレスがありません。取り消したことを、お電話でお伝えください。
staff-cancel-booking-mail = ご本人に取消しのお知らせをメールでお送りします。
staff-cancel-booking-go = はい、予約を取り消す

## 相談会の中止・臨時の日の確認

staff-cancel-evening-heading = { $date }の相談会を中止しますか
staff-cancel-evening-line = { $when }からの相談会を中止します。
staff-cancel-evening-booked = 予約している{ $count }人の予約をすべて取り消し、メールアドレスのある方には中止のお知らせをお送りします。キャンセル待ちも終了します。
staff-cancel-evening-none-booked = この相談会には、まだ予約はありません。
staff-cancel-evening-undo = 中止は後から取り消せますが、取り消した予約は元に戻りません。
staff-cancel-evening-go = はい、この相談会を中止する
staff-unusual-heading = { $date }に相談会を開きますか
staff-unusual-line = { $date }は{ $why }です。
staff-unusual-public = この日の相談会は、すぐに公開され、予約を受け付けます。日付に誤りがないか確かめてください。
staff-unusual-go = はい、この日に開く
staff-unusual-saturday = 土曜日
staff-unusual-sunday = 日曜日
staff-unusual-holiday = 祝日（{ $name }）
staff-unusual-closure = 休館日（年末年始など）
# API の答え：確認の印を付けて送り直す
staff-unusual-day-message = この日は{ $why }です。この日の相談会はすぐに公開されます。それでも開く場合は、確認のうえもう一度送信してください（"confirm_unusual_day": true）。

## 電話連絡の一覧と電話予約

staff-calls-title = { $date } 電話連絡の一覧
staff-calls-intro = メールアドレスのない方です。確認のメールの代わりに、{ $date }（3日前）にお電話で日時と会場をお伝えください。
staff-calls-none = 電話連絡の方はいません。
staff-calls-caption = 電話でお知らせする方
staff-called = 連絡済み
staff-back-to-sheet = 当日名簿に戻る
staff-phone-privacy-heading = 個人情報の取扱い（お電話で読み上げ、同意をうかがってください）
staff-phone-no-email = メールアドレスのない方は、メールアドレスを空欄にしてください。確認のメールは送られず、3日前にお電話でお知らせします（当日名簿の「電話連絡の一覧」）。
staff-phone-consent = 電話で口頭により同意を得た
staff-phone-email-hint = メールアドレスのない方は空欄のままにしてください（確認とリマインダーは電話で行います）。

## 予約の書き出し（CSV）

staff-export-title = 予約の書き出し
staff-export-heading = 予約の書き出し（CSV）
staff-export-check = 書き出す期間を確認してください。
staff-export-from = 開始日
staff-export-to = 終了日（この日は含みません）
staff-export-to-short = 終了日
staff-export-reversed = 終了日は、開始日より後の日付にしてください。
staff-export-submit = CSVで書き出す
staff-csv-booking = 予約番号
staff-csv-date = 日付
staff-csv-start = 開始時刻
staff-csv-when = 日時
staff-csv-professional = 相談員
staff-csv-status = 状態
staff-csv-attendance = 出欠
staff-csv-name = 氏名
staff-csv-kana = フリガナ
staff-csv-phone = 電話番号
staff-csv-email = メールアドレス
staff-csv-age = 年代
staff-csv-topic = 相談内容
staff-csv-taken-by = 受付者
staff-csv-booked = 予約
staff-csv-cancelled = キャンセル

## 相談員の名簿

staff-professionals-title = 相談員の名簿
staff-professionals-caption = 相談員の一覧
staff-name = 氏名
staff-profession = 職種
staff-organisation = 所属
staff-contact = 連絡先
staff-state = 状態
staff-professional-active = 稼働中
staff-professional-rest = 休止にする
staff-professional-resting = 休止中
staff-professional-restore = 稼働に戻す
staff-add-professional = 相談員を追加する

## 職員アカウント

staff-accounts-title = 職員アカウント
staff-accounts-caption = 職員アカウントの一覧
staff-role = 役割
staff-account-open = 有効
staff-account-close = 停止する
staff-account-closed = 停止中
staff-account-reopen = 有効に戻す
staff-add-account = アカウントを追加する
staff-role-professional-choice = 相談員（名簿から選ぶ）
staff-account-professional = 相談員の場合：名簿の相談員
staff-none = （なし）
staff-first-password = 初期パスワード（12文字以上）
staff-account-refused = アカウントを追加できませんでした（{ $reason }）。メールアドレス、12文字以上のパスワード、相談員の場合は名簿の相談員を確認してください。
staff-close-account-heading = このアカウントを停止しますか
staff-close-account-line = { $name }（{ $email }）のアカウントを停止します。
staff-close-account-effect = 停止すると、この職員はすぐにサインインできなくなり、APIトークンも使えなくなります。後から再開できます。
staff-close-account-go = はい、停止する

## 操作記録

staff-audit-title = 操作記録
staff-audit-search = 職員名・操作・対象で検索
staff-search = 検索
staff-audit-caption = 新しい順の操作記録
staff-audit-staff = 職員
staff-audit-action = 操作
staff-audit-subject = 対象
staff-audit-detail = 内容
staff-audit-consent-oral = 同意：電話で口頭により同意を得た
staff-audit-phone-only = 電話連絡（メールなし）
staff-audit-detail-separator = {" / "}
staff-action-sign-in = ログイン
staff-action-view-roster = 月の一覧を表示
staff-action-view-day-sheet = 当日名簿を表示
staff-action-view-call-list = 電話連絡の一覧を表示
staff-action-view-mail-states = 予約のメールの状況を表示
staff-action-export = 予約をCSVで書き出し
staff-action-attendance = 出欠を記録
staff-action-book-for-caller = 電話予約を入力
staff-action-cancel-for-caller = 予約を取消し（電話）
staff-action-move-for-caller = 予約を変更（電話）
staff-action-add-session = 相談会を追加
staff-action-move-session = 相談会の日時を変更
staff-action-cancel-session = 相談会を中止
staff-action-restore-session = 相談会の中止を取消し
staff-action-assign = 相談員を担当に決定
staff-action-generate = 定例の相談会を作成
staff-action-set-series = 開催ルールを変更
staff-action-add-professional = 相談員を追加
staff-action-professional-active = 相談員の休止・再開
staff-action-add-staff = 職員アカウントを追加
staff-action-staff-active = 職員アカウントの停止・再開
staff-action-directory-added = 相談先の追加
staff-action-directory-changed = 相談先の変更
staff-action-directory-confirmed = 相談先の内容確認
staff-action-directory-imported = 相談先の一括取込み（HSDS）
staff-action-referral-made = つなぎ（紹介）
staff-action-referral-viewed = 紹介の閲覧（受け入れ先）
staff-action-referral-updated = 紹介の状況の記録（受け入れ先）
staff-action-referral-closed = つなぎの終了
staff-action-view-referrals = つなぎ一覧の閲覧
staff-action-view-referral-figures = つなぎの実績の閲覧
staff-action-view-health-queue = 産業保健の申込み一覧を表示
staff-action-view-health-roster = 医師の日程を表示
staff-action-health-move = 申込みの順番を変更
staff-action-health-block = 医師の枠を追加
staff-action-health-propose = 面接の日程を提案
staff-action-health-accept-for = 日程を承諾（代理）
staff-action-health-decline-for = 別の日程を希望（代理）
staff-action-health-attendance = 面接の実施を記録
staff-action-health-requeue = 実施されなかった申込みを待機に戻す
staff-action-health-close = 実施されなかった申込みを終了
