## つなぐ：ご本人へのメール（どこへつないだか、何を伝えたか）と、受け入れ先へのメールに共通の項目
## 件名には相談の内容も紹介先の名前も書きません

referral-made-subject = 【仙台市】ご案内した窓口のお知らせ
referral-made-body = 相談会でお話しした窓口に、あなたの同意をいただいておつなぎしました。窓口の連絡先は次のとおりです。
referral-made-they-call = 窓口からあなたに連絡があります。しばらくたっても連絡がないときは、下のお問い合わせ先にお知らせください。
referral-made-you-call = 窓口には、あなたから連絡してください。
referral-made-passed = 窓口にお伝えしたのは、次のことだけです。
referral-made-nothing-passed = 窓口には、あなたのお名前も連絡先もお伝えしていません。
referral-made-withdraw = 同意はいつでも取り消せます。予約の確認メールにあるリンクのページか、下のお問い合わせ先からお知らせください。取り消すと、窓口はお伝えした内容を見られなくなります。
referral-made-service = 窓口
referral-made-phone = 電話
referral-made-hours = 受付時間
referral-mail-number = 受付番号
referral-mail-name = お名前
referral-mail-contact-by = 連絡の方法
referral-mail-phone = 電話番号
referral-mail-email = メールアドレス
referral-mail-topic = 相談の分類
referral-mail-note = 窓口へのメモ（ご本人が了承した内容）
referral-contact-phone = 電話での連絡を希望
referral-contact-email = メールでの連絡を希望
referral-contact-none = 連絡は不要（ご本人から連絡します）

# 紹介への同意の文言：相談員がご本人に示し（読み上げ）、同意を得る言葉。変えるときは referral::CONSENT_VERSION も変える
referral-consent-text = 相談の窓口をご紹介するにあたり、お名前・連絡先・窓口へのメモのうち、あなたが選んだものだけを紹介先に伝えることに同意します。相談の内容は、あなたが了承した場合に分類だけを伝えます。同意はいつでも取り消すことができ、取り消すと紹介先は伝えた内容を見られなくなります。

## 予約の確認ページ：ご案内した窓口
referral-manage-heading = ご案内した窓口
referral-manage-status = 状況
referral-manage-open = 窓口にお伝えしました
referral-manage-connected = 窓口とつながりました
referral-manage-not-taken = 窓口では受けられませんでした。お問い合わせ先にご相談ください
referral-manage-declined = 辞退されました
referral-manage-withdrawn = 同意を取り消しました
referral-manage-closed = 終了しました
referral-manage-withdraw = 同意を取り消す
referral-manage-withdraw-hint = 取り消すと、窓口はお伝えした内容を見られなくなります。窓口にもお知らせします。
referral-withdrawn-heading = 同意を取り消しました
referral-withdrawn-note = 窓口はお伝えした内容を見られなくなりました。窓口にもお知らせしました。
referral-follow-up-name = 継続相談（仕事とこころの相談会）
