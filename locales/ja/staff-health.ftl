## 職員の画面（事務局）：産業保健センターの申込みの一覧、医師の対応可能枠、日程の調整、
## 医師の日程、実績

staff-health-menu = 産業保健センターのメニュー
staff-health-queue-nav = 申込みの一覧
staff-health-blocks-nav = 医師の対応可能枠
staff-health-schedule-nav = 日程の調整
staff-health-roster-nav = 医師の日程
staff-health-figures-nav = 実績
staff-health-to-evenings = 相談会の一覧へ
staff-health-kind-consultation = ①相談
staff-health-kind-checkup-opinion = ②意見聴取
staff-health-kind-long-hours = ③長時間
staff-health-kind-high-stress = ④高ストレス
# 申込みの内容：「①相談 3人」
staff-health-service = { $kind } { $workers }人
staff-health-people = { $count }人
staff-health-days = { $count }日
staff-health-no-due = 期限なし
# 事業場の担当者
staff-health-contact-person = { $name } 様
staff-health-number-business = 受付番号・事業場
staff-health-due = 期限
staff-health-business = 事業場
staff-health-place = 場所
staff-health-centre = センター
staff-health-visit = 訪問
staff-health-visit-at = 訪問：{ $address }
staff-health-status = 状況
staff-health-check-input = 入力内容をご確認ください

## 申込みの一覧

staff-health-queue-title = 産業保健センター 申込みの一覧
staff-health-queue-intro = 法令上の期限が近い順、次に受付順です（全{ $count }件）。期限を過ぎたものと期限が近いものには印を付けています。
staff-health-late-heading = 期限までに実施できない見込みの申込み（{ $count }件）
staff-health-late-intro = 事業場には、見込みが法令上の期限より後になることと、センターから連絡することを伝えています。日程の前倒しや順番の変更を検討し、電話で連絡してください。
staff-health-late-line = { $number } { $business }：期限 { $due }、見込み { $expected }（{ $contact } 様）
staff-health-none-waiting = 待機中の申込みはありません。
staff-health-queue-caption = 申込みの一覧（順番どおり）
staff-health-position = 順番
staff-health-services = 内容
staff-health-contact = 連絡先
staff-health-received = 受付日
staff-health-due-expected = 期限・見込み
staff-health-reorder = 順番の変更
staff-health-comes = 来所
staff-health-expected = { $month }ごろ
staff-health-expected-line = 見込み：{ $month }
staff-health-late-mark = 期限より後の見込み
staff-health-overdue = 期限超過
staff-health-due-soon = 期限間近
staff-health-moved = { $date }扱い（{ $reason }）
staff-health-moved-line = 変更：{ $moved }
staff-health-waiting = 待機中
staff-health-proposed = 日程提案中
staff-health-scheduled = 日程確定
staff-health-accepted-by-phone = 電話で了承を受けた
staff-health-declined-by-phone = 電話で別日程の希望を受けた
staff-health-weekdays-legend = 都合のよい曜日（指定なしはいつでも）
staff-health-times-legend = 都合のよい時間帯
staff-health-other-wishes = その他の希望（任意・200文字以内）
staff-health-record-decline = 別日程の希望として記録する（順番はそのまま）
staff-health-move-to = この日を期限として扱う（空欄で本来の期限に戻す）
staff-health-move-reason = 理由（記録されます）
staff-health-move-submit = 変更する

## 医師の対応可能枠

staff-health-blocks-title = { $month }の医師の対応可能枠
staff-health-no-blocks = この月の枠はありません。
staff-health-used = 使用状況
staff-health-block-used = { $used }/{ $capacity }人（{ $minutes }分使用）
staff-health-add-block = 枠を追加する
staff-health-no-doctors = 医師が登録されていません。相談員の名簿で、職種「医師」として登録してください。
staff-health-end-time = 終了時刻
staff-health-visit-workplace = 事業場への訪問
staff-health-capacity = 面接できる人数
# 日程の調整で選ぶ枠：「2027年1月13日(水) 14:00〜16:00 医師 太郎（残り2人）」
staff-health-block-choice = { $from }〜{ $to } { $doctor }（残り{ $left }人）

## 日程の調整

staff-health-schedule-title = 産業保健センター 日程の調整
staff-health-schedule-heading = 日程の調整
staff-health-confirmed-heading = 提案のメールを送った日程
staff-health-refused-heading = 確定できなかったもの
staff-health-period-from = 期間の初日
staff-health-period-to = 期間の末日
staff-health-make-proposal = 案を作る
staff-health-proposal-heading = 案（{ $count }件）
staff-health-proposal-help = 期限の近い申込みから順に、希望の場所・曜日・時間帯に合う最も早い枠を当てています。外す行のチェックを外し、必要なら枠や開始時刻を変えてから確定してください（枠を変えて開始時刻をそのままにすると、その枠の空いている最初の時刻になります）。確定すると、事業場に日程の提案メールが送られます。
staff-health-confirm-column = 確定する
staff-health-block-column = 枠（日時・医師）
staff-health-confirm-this = { $number }を確定する
staff-health-block-of = { $number }の枠
staff-health-start-of = { $number }の開始時刻
staff-health-proposed-block = 案：{ $when } { $doctor }
staff-health-confirm-submit = 確定して提案メールを送る
staff-health-unassigned-heading = この期間の枠に入らない申込み（{ $count }件）
staff-health-unassigned-line = { $number } { $business }（期限：{ $due }）
staff-health-request-n = 申込み { $id }

## 医師の日程

staff-health-roster-title = { $month }の医師の日程
staff-health-no-interviews = この月の面接はありません。
staff-health-workers = 人数
staff-health-accepted = 確定
staff-health-awaiting-answer = 回答待ち
staff-health-request-closed = 申込み終了
staff-health-requeued = 待機に戻した
staff-health-took-place = 実施
staff-health-did-not-take-place = 実施されず
staff-health-record-attended = 実施した
staff-health-record-no-show = 実施されなかった
staff-health-after-no-show = 実施されなかった申込みの扱い（事業場にメールでお知らせします）
staff-health-requeue = 元の順番で待機に戻す
staff-health-close-reason = 終了する理由（終了の場合は必須。事業場へのメールにも記載されます）
staff-health-close = 申込みを終了する

## 実績

staff-health-figures-title = 産業保健センターの実績
staff-health-first-month = 最初の月
staff-health-last-month = 最後の月
staff-health-show = 表示する
staff-health-figures-intro = 面接を行った（日程が確定し、その日が過ぎた）申込みを、面接の月で数えています。待ち日数は受付日から面接日までです。
staff-health-no-figures = この期間の実績はありません。
staff-health-month = 月
staff-health-workplaces = 事業場数
staff-health-median-wait = 待ち日数（中央値）
staff-health-p90-wait = 待ち日数（90%）
staff-health-seen-after-due = 期限後の実施
