## つなぐ：｜本人《ほんにん》へのメール

referral-made-subject = 【｜仙台市《せんだいし》】あなたに｜紹介《しょうかい》した｜窓口《まどぐち》
referral-made-body = ｜相談会《そうだんかい》で｜話《はな》した｜窓口《まどぐち》に、あなたがいいと｜言《い》ったので、あなたのことを｜伝《つた》えました。｜窓口《まどぐち》の｜連絡先《れんらくさき》は｜下《した》のとおりです。
referral-made-they-call = ｜窓口《まどぐち》から、あなたに｜連絡《れんらく》があります。しばらく｜待《ま》っても｜連絡《れんらく》がないときは、｜下《した》の｜問《と》い｜合《あ》わせ｜先《さき》に｜知《し》らせてください。
referral-made-you-call = ｜窓口《まどぐち》に、あなたから｜連絡《れんらく》してください。
referral-made-passed = ｜窓口《まどぐち》に｜伝《つた》えたのは、｜下《した》のことだけです。
referral-made-nothing-passed = ｜窓口《まどぐち》には、あなたの｜名前《なまえ》も｜連絡先《れんらくさき》も｜伝《つた》えていません。
referral-made-withdraw = 「いい」と｜言《い》ったことは、いつでも｜取《と》り｜消《け》せます。｜予約《よやく》のメールのリンクのページか、｜下《した》の｜問《と》い｜合《あ》わせ｜先《さき》に｜知《し》らせてください。｜取《と》り｜消《け》すと、｜窓口《まどぐち》は｜伝《つた》えたことを｜見《み》られなくなります。
referral-made-service = ｜窓口《まどぐち》
referral-made-phone = ｜電話《でんわ》
referral-made-hours = うけつける｜時間《じかん》
referral-mail-number = ｜番号《ばんごう》
referral-mail-name = ｜名前《なまえ》
referral-mail-contact-by = ｜連絡《れんらく》のしかた
referral-mail-phone = ｜電話番号《でんわばんごう》
referral-mail-email = メールアドレス
referral-mail-topic = ｜相談《そうだん》のしゅるい
referral-mail-note = ｜窓口《まどぐち》へのメモ（あなたがいいと｜言《い》ったこと）
referral-contact-phone = ｜電話《でんわ》で｜連絡《れんらく》してほしい
referral-contact-email = メールで｜連絡《れんらく》してほしい
referral-contact-none = ｜連絡《れんらく》しなくていい（｜自分《じぶん》で｜連絡《れんらく》する）

referral-consent-text = ｜窓口《まどぐち》を｜紹介《しょうかい》するとき、あなたが｜選《えら》んだことだけを｜窓口《まどぐち》に｜伝《つた》えます（｜名前《なまえ》、｜連絡先《れんらくさき》、｜窓口《まどぐち》へのメモ）。｜相談《そうだん》で｜話《はな》したことは、あなたがいいと｜言《い》ったときだけ、しゅるいだけを｜伝《つた》えます。いいと｜言《い》ったことは、いつでも｜取《と》り｜消《け》せます。｜取《と》り｜消《け》すと、｜窓口《まどぐち》は｜伝《つた》えたことを｜見《み》られなくなります。

## ｜予約《よやく》のページ：｜紹介《しょうかい》した｜窓口《まどぐち》
referral-manage-heading = あなたに｜紹介《しょうかい》した｜窓口《まどぐち》
referral-manage-status = いまのようす
referral-manage-open = ｜窓口《まどぐち》に｜伝《つた》えました
referral-manage-connected = ｜窓口《まどぐち》と｜話《はな》せました
referral-manage-not-taken = ｜窓口《まどぐち》では｜相談《そうだん》をうけられませんでした。｜下《した》の｜問《と》い｜合《あ》わせ｜先《さき》に｜相談《そうだん》してください
referral-manage-declined = ことわりました
referral-manage-withdrawn = 「いい」と｜言《い》ったことを｜取《と》り｜消《け》しました
referral-manage-closed = ｜終《お》わりました
referral-manage-withdraw = 「いい」と｜言《い》ったことを｜取《と》り｜消《け》す
referral-manage-withdraw-hint = ｜取《と》り｜消《け》すと、｜窓口《まどぐち》は｜伝《つた》えたことを｜見《み》られなくなります。｜窓口《まどぐち》にも｜知《し》らせます。
referral-withdrawn-heading = ｜取《と》り｜消《け》しました
referral-withdrawn-note = ｜窓口《まどぐち》は｜伝《つた》えたことを｜見《み》られなくなりました。｜窓口《まどぐち》にも｜知《し》らせました。
referral-follow-up-name = つづけての｜相談《そうだん》（｜仕事《しごと》とこころの｜相談会《そうだんかい》）
