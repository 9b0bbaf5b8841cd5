## 入力の誤り、守られなかったルール、エラーの画面

field-required-choice = 選択してください。
field-required = 入力してください。
field-too-long = { $max }文字以内で入力してください。
field-too-short = { $min }文字以上で入力してください。
field-control-characters = 改行や制御文字など、入力できない文字が含まれています。
field-invisible-characters = 目に見えない文字（文字の向きを変える記号やゼロ幅の文字など）が含まれています。貼り付けた場合は、手で入力し直してください。
field-kana-only = カタカナまたはひらがなで入力してください。
field-phone = 電話番号を0から始まる10桁または11桁の数字で入力してください（例：090-1234-5678）。
field-email = メールアドレスの形式が正しくありません（例：taro@example.jp）。
field-choice = 選択肢の中から選んでください。
field-consent-required = ご予約には、個人情報の取扱いへの同意が必要です。
field-not-a-number = 数値で指定してください。
field-wrong-type = 文字列で指定してください。
field-no-such-slot = 指定された相談枠はありません。
field-date = 日付を「2027-01-13」の形で入力してください。
field-future-date = 今日より後の日付は指定できません。
field-range = { $min }から{ $max }までの数で入力してください。
field-duplicate = 同じものが2回指定されています。
field-outside-area = 所在地がセンターの対象地域にありません。所在地は市町村名から入力してください。
field-too-many-workers = このセンターの対象は、労働者数{ $max }人以下の事業場です。{ $over }人以上の事業場は、産業医の選任が義務付けられています。

rule-not-yet-open = この相談会の予約受付は{ $when }からです。受付開始後にお申し込みいただくか、より早い日程をお選びください。
rule-closed = この相談会の予約受付は{ $when }に締め切りました。別の日程をお選びいただくか、お電話でご相談ください。
rule-one-booking-per-person = 同じ方（同じメールアドレスまたは電話番号）が、同じ日に同じ相談員の枠を2つ予約することはできません。ご予約の変更は、確認メールのリンクから行えます。
rule-not-a-pair = 両方の相談員に相談する場合は、同じ日の弁護士の枠と臨床心理士の枠を1つずつ選んでください。
rule-already-waiting = すでにこのキャンセル待ちに登録されています。順番は登録時のメールのリンクから確認できます。
rule-slots-available = 空いている枠があります。キャンセル待ちではなく、空いている枠をご予約ください。
rule-offer-gone = このご案内は、期限が過ぎたか、すでにお返事をいただいています。空いている枠をご予約いただくか、もう一度キャンセル待ちにご登録ください。
rule-booking-cancelled = このご予約はキャンセルされています。新しく予約してください。
rule-overlapping-slots = 弁護士と臨床心理士の相談は、同じ時間に受けることはできません。時間の重ならない枠を選んでください。

error-bad-request = リクエストを読み取れませんでした。
error-not-utf8 = 送信された内容に読み取れない文字が含まれていたため、受け付けていません（何も保存していません）。前の画面に戻り、入力し直してからもう一度送信してください。
error-unauthorized = 職員の認証が必要です（Authorization: Bearer <token>）。
error-forbidden = この操作を行う権限がありません。
error-slot-closed = この枠は受付を終了しました。別の枠をお選びください。
error-too-large = 送信された内容が大きすぎます。
error-unsupported-media-type = Content-Type: application/json で JSON を送信してください。

# ページの下の、事務局の電話番号の前
phone-label = 電話
