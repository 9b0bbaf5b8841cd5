## 地域産業保健センターの公開ページ（申込みのフォームと、申込みの状況のページ）

# ページの枠：お問い合わせ先
health-contact = お問い合わせ：{ $centre }
health-phone = 電話
# 対象地域の名前をつなぐ記号（仙台市・富谷市）
health-area-separator = ・
health-errors-heading = 入力内容をご確認ください
# エラーのページから申込みのフォームへ
health-back-to-form = 申込みのフォームに戻る

## 申込みのフォーム

health-form-heading = 産業医による相談・面接指導のお申込み
health-form-intro = { $area }内の、労働者数50人未満の事業場が対象です（無料）。法令上の期限が近いものから、次に受付順に日程を調整し、メールでご提案します。
health-ineligible-heading = このセンターではお受けできません
health-section-business = 事業場について
health-section-services = ご希望の内容
health-section-contact = ご担当者
health-services-legend = ご希望のサービス（複数可）と対象の人数
# 各サービスの欄の頭につく番号
health-mark-1 = ①
health-mark-2 = ②
health-mark-3 = ③
health-mark-4 = ④
health-kind-consultation = ① 労働者の健康管理（メンタルヘルスを含む）に係る相談
health-kind-checkup-opinion = ② 健康診断の結果についての医師からの意見聴取
health-kind-long-hours = ③ 長時間労働者に対する面接指導
health-kind-high-stress = ④ 高ストレス者に対する面接指導
# 「④ 対象の人数」
health-service-workers = { $mark } 対象の人数
# 「③ 労働者が面接指導を申し出た日」
health-service-requested-on = { $mark } 労働者が面接指導を申し出た日
health-service-checked-on = { $mark } 健康診断の実施日
health-date-hint = 例：2027-01-13
health-place-centre = センターに来所する（仙台市医師会館）
health-place-visit = 医師が事業場を訪問する
health-weekdays-legend = ご希望の曜日（指定なしはいつでも）
health-weekday-mon = 月曜日
health-weekday-tue = 火曜日
health-weekday-wed = 水曜日
health-weekday-thu = 木曜日
health-weekday-fri = 金曜日
health-weekday-sat = 土曜日
health-time-any = いつでもよい
health-time-morning = 午前
health-time-afternoon = 午後
health-note-label = 日程についてのその他のご希望
health-note-hint = 200文字以内。労働者の氏名や健康状態は書かないでください。
health-privacy-heading = 個人情報の取扱い
health-privacy-body = ご入力いただいた内容は、お申込みのサービスの調整と実施のためにのみ使用し、法令に定める期間保管します。労働者の氏名や健康情報はここには入力しないでください。必要な事項は面接の際に医師が伺います。
health-consent = 個人情報の取扱いに同意します
health-submit = 申し込む

# 入力欄の説明
health-hint-address = 市町村名から入力してください。例：仙台市青葉区国分町3-7-1
health-hint-workers = パート・アルバイト、派遣の方を含めた、常時使用する労働者の数
health-hint-industry = 例：製造業、建設業、小売業
health-hint-phone = 日中につながる番号。例：022-221-6870
health-hint-email = 日程のご提案をこのアドレスにお送りします。

# 入力欄の名前（エラーの一覧にも使います）
health-field-business-name = 事業場名
health-field-address = 所在地
health-field-workers = 労働者数
health-field-industry = 業種
health-field-contact-name = ご担当者名
health-field-phone = 電話番号
health-field-email = メールアドレス
health-field-services = ご希望のサービス
health-field-place = 実施場所
health-field-weekdays = ご希望の曜日
health-field-time = ご希望の時間帯
health-field-note = その他のご希望
health-field-consent = 個人情報の取扱い
health-field-service-workers = 対象の人数
health-field-requested-on = 労働者が申し出た日
health-field-checked-on = 健康診断の実施日
health-field-other = 入力内容

# 入力の誤り（ほかの誤りは相談会と同じ言葉です）
health-consent-required = お申込みには、個人情報の取扱いへの同意が必要です。

# 対象外の事業場への案内（$name：案内先、$phone：その電話番号）
health-ineligible-too-many-workers = 常時50人以上の労働者を使用する事業場は、産業医の選任が義務付けられており（労働安全衛生法第13条）、地域産業保健センターの対象ではありません。産業保健に関するご相談は、{ $name }（電話 { $phone }）へお問い合わせください。
health-ineligible-outside-area = このセンターは、担当地域内の事業場を対象としています。ほかの地域の事業場は、その地域を担当する地域産業保健センターをご利用ください。担当のセンターは{ $name }（電話 { $phone }）でご案内しています。

## 申込みの状況のページ

health-status-heading = お申込みの状況
health-created-sent = { $email } あてに、確認のメールをお送りしました。
health-created-allow = 届かない場合は、次のアドレスからのメールを受信できるよう設定してください（携帯電話のメールは、登録のない送信元を受け付けないことがあります）：
health-created-keep = このページのアドレスが、お申込みの確認・変更用のリンクです。
health-number = 受付番号
health-business = 事業場名
health-status = 状況
health-status-waiting = 日程の調整をお待ちいただいています
health-status-proposed = 日程をご提案しています。お返事をお願いします
health-status-scheduled = 日程が確定しています
health-status-closed = センターがお申込みを終了しました
health-status-withdrawn = 取り下げられました
health-reason = 理由
health-position = 現在の順番
health-position-value = { $position }番目
health-expected = 実施の見込み
# 「2027年3月ごろ」
health-expected-month = { $month }ごろ
health-due = 法令上の期限
health-services = ご希望の内容
# 「④ 高ストレス者に対する面接指導（1人）」
health-service-line = { $service }（{ $workers }人）
health-late-notice = 実施の見込みが、法令上の期限より後になっています。センターはこのことを把握しており、日程についてご連絡します。
health-proposed-heading = ご提案の日程
health-appointment-heading = 確定した日程
health-when = 日時
health-place = 場所
health-doctor = 担当医師
health-visit = 医師が事業場を訪問します
health-accept = この日程で了承する
health-another-heading = 別の日程を希望する
health-another-intro = 順番はそのままです。ご都合のよい曜日と時間帯をお知らせください。次のご提案は、これに合わせて調整します。
health-suit-weekdays = ご都合のよい曜日（指定なしはいつでも）
health-suit-time = ご都合のよい時間帯
health-decline-submit = 別の日程を希望する（順番はそのままです）
health-contact-heading = ご担当者・連絡先の変更
health-save = 変更する
health-withdraw-heading = お申込みの取下げ
health-withdraw-confirm = このお申込みを取り下げます（ご提案・確定した日程も取り消されます）
health-withdraw-submit = 取り下げる
health-withdraw-tick = 取り下げる場合は、確認の欄にチェックを入れてください。
health-done-accepted = 日程を了承いただきました。確定のメールをお送りします。
health-done-declined = ご提案の日程を取り消しました。順番はそのままで、別の日程をご提案します。
health-done-contact = 連絡先を変更しました。
health-done-withdrawn = お申込みを取り下げました。

## センターの受付や日程が操作を受け付けなかった理由

health-conflict-request-not-waiting = この申込みは待機中ではありません（日程の提案済み、確定済み、または取下げ済みです）。
health-conflict-block-full = この枠には、もう入りません。
health-conflict-doctor-busy = この医師は、その時間にすでに予定があります。
health-conflict-place-mismatch = 実施場所（センター・訪問）が申込みと枠で異なります。
health-conflict-block-past = 過去の枠は指定できません。
health-conflict-withdrawn = このお申込みは取り下げられています。
health-conflict-no-proposal = お返事をいただく日程の提案はありません。
health-conflict-no-show-not-recorded = この申込みには「実施されなかった」と記録された確定済みの面接がありません。
health-conflict-other = ほかの操作と重なったため、処理できませんでした。もう一度お試しください。
