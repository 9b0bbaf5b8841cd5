## ちいき さんぎょう ほけん センターの ページ（もうしこみの フォームと、もうしこみの いまの ようす）

health-contact = ｜連絡先《れんらくさき》：{ $centre }
health-phone = ｜電話《でんわ》
health-area-separator = ・
health-errors-heading = ｜書《か》いたことを｜確認《かくにん》してください
health-back-to-form = ｜申《もう》し｜込《こ》みの ページに ｜戻《もど》る

## もうしこみの フォーム

health-form-heading = ｜産業医《さんぎょうい》の｜相談《そうだん》と｜面接指導《めんせつしどう》の｜申《もう》し｜込《こ》み
health-form-intro = ｜産業医《さんぎょうい》は、｜働《はたら》く｜人《ひと》の｜健康《けんこう》を｜守《まも》る｜医者《いしゃ》です。｜面接指導《めんせつしどう》は、｜医者《いしゃ》が｜働《はたら》く｜人《ひと》に｜会《あ》って、｜話《はなし》を｜聞《き》いて、アドバイスをすることです。{ $area }の｜事業場《じぎょうじょう》（｜会社《かいしゃ》や｜店《みせ》など、｜人《ひと》が｜働《はたら》くところ）が｜申《もう》し｜込《こ》むことができます。｜働《はたら》く｜人《ひと》が49｜人《にん》までの｜事業場《じぎょうじょう》です。お｜金《かね》はかかりません。｜法律《ほうりつ》で｜決《き》まった｜期限《きげん》が｜早《はや》い｜順番《じゅんばん》に、｜日《ひ》と｜時間《じかん》を｜決《き》めます。｜期限《きげん》が｜同《おな》じときは、｜申《もう》し｜込《こ》んだ｜順番《じゅんばん》です。｜日《ひ》と｜時間《じかん》は、メールで｜知《し》らせます。
health-ineligible-heading = このセンターでは｜受《う》けることができません
health-section-business = ｜事業場《じぎょうじょう》のこと
health-section-services = してほしいこと
health-section-contact = ｜担当《たんとう》の｜人《ひと》
health-services-legend = してほしいこと（いくつえらんでもいいです）と、その｜人数《にんずう》
health-mark-1 = ①
health-mark-2 = ②
health-mark-3 = ③
health-mark-4 = ④
health-kind-consultation = ① ｜働《はたら》く｜人《ひと》の｜健康《けんこう》（こころの｜健康《けんこう》も）についての｜相談《そうだん》
health-kind-checkup-opinion = ② ｜健康診断《けんこうしんだん》の｜結果《けっか》について、｜医者《いしゃ》の｜意見《いけん》を｜聞《き》く
health-kind-long-hours = ③ ｜長《なが》い｜時間《じかん》｜働《はたら》いている｜人《ひと》の｜面接指導《めんせつしどう》
health-kind-high-stress = ④ ストレスが｜高《たか》い｜人《ひと》の｜面接指導《めんせつしどう》（ストレスチェックの｜後《あと》）
health-service-workers = { $mark } ｜人数《にんずう》
health-service-requested-on = { $mark } ｜働《はたら》く｜人《ひと》が｜面接指導《めんせつしどう》をおねがいした｜日《ひ》
health-service-checked-on = { $mark } ｜健康診断《けんこうしんだん》をした｜日《ひ》
health-date-hint = ｜例《れい》：2027-01-13
health-place-centre = センターに｜来《く》る（｜仙台市医師会館《せんだいしいしかいかん》）
health-place-visit = ｜医者《いしゃ》が｜事業場《じぎょうじょう》に｜行《い》く
health-weekdays-legend = いい｜曜日《ようび》（えらばないときは、どの｜曜日《ようび》でもいいです）
health-weekday-mon = ｜月曜日《げつようび》
health-weekday-tue = ｜火曜日《かようび》
health-weekday-wed = ｜水曜日《すいようび》
health-weekday-thu = ｜木曜日《もくようび》
health-weekday-fri = ｜金曜日《きんようび》
health-weekday-sat = ｜土曜日《どようび》
health-time-any = いつでもいい
health-time-morning = ｜午前《ごぜん》（｜昼《ひる》の12｜時《じ》より｜前《まえ》）
health-time-afternoon = ｜午後《ごご》（｜昼《ひる》の12｜時《じ》より｜後《あと》）
health-note-label = ｜日《ひ》と｜時間《じかん》について、ほかにおねがいしたいこと
health-note-hint = 200もじまでです。｜働《はたら》く｜人《ひと》の｜名前《なまえ》や、｜体《からだ》やこころの｜様子《ようす》は、｜書《か》かないでください。
health-privacy-heading = ｜個人情報《こじんじょうほう》のあつかい
health-privacy-body = ここに｜書《か》いたことは、｜申《もう》し｜込《こ》んだことの｜日《ひ》と｜時間《じかん》を｜決《き》めることと、それをすることだけに｜使《つか》います。｜法律《ほうりつ》で｜決《き》まった｜間《あいだ》、｜残《のこ》しておきます。｜働《はたら》く｜人《ひと》の｜名前《なまえ》や｜健康《けんこう》のことは、ここに｜書《か》かないでください。ひつようなことは、｜面接《めんせつ》のときに｜医者《いしゃ》が｜聞《き》きます。
health-consent = ｜個人情報《こじんじょうほう》のあつかいに｜同意《どうい》します（それでいいです）
health-submit = ｜申《もう》し｜込《こ》む

health-hint-address = ｜市《し》や｜町《まち》の｜名前《なまえ》から｜書《か》いてください。｜例《れい》：｜仙台市《せんだいし》｜青葉区《あおばく》｜国分町《こくぶんちょう》3-7-1
health-hint-workers = いつも｜働《はたら》いている｜人《ひと》の｜数《かず》です。パートやアルバイトの｜人《ひと》、｜派遣《はけん》の｜人《ひと》も｜入《い》れます。
health-hint-industry = ｜例《れい》：ものをつくる｜仕事《しごと》、｜建物《たてもの》をつくる｜仕事《しごと》、｜店《みせ》
health-hint-phone = ｜昼《ひる》に｜話《はな》せる｜番号《ばんごう》です。｜例《れい》：022-221-6870
health-hint-email = ｜日《ひ》と｜時間《じかん》のお｜知《し》らせを、このアドレスに｜送《おく》ります。

health-field-business-name = ｜事業場《じぎょうじょう》の｜名前《なまえ》
health-field-address = ｜住所《じゅうしょ》
health-field-workers = ｜働《はたら》く｜人《ひと》の｜数《かず》
health-field-industry = ｜仕事《しごと》の｜種類《しゅるい》
health-field-contact-name = ｜担当《たんとう》の｜人《ひと》の｜名前《なまえ》
health-field-phone = ｜電話番号《でんわばんごう》
health-field-email = メールアドレス
health-field-services = してほしいこと
health-field-place = ｜場所《ばしょ》
health-field-weekdays = いい｜曜日《ようび》
health-field-time = いい｜時間《じかん》
health-field-note = ほかにおねがいしたいこと
health-field-consent = ｜個人情報《こじんじょうほう》のあつかい
health-field-service-workers = ｜人数《にんずう》
health-field-requested-on = ｜働《はたら》く｜人《ひと》がおねがいした｜日《ひ》
health-field-checked-on = ｜健康診断《けんこうしんだん》をした｜日《ひ》
health-field-other = ｜書《か》いたこと

health-consent-required = ｜申《もう》し｜込《こ》むときは、｜個人情報《こじんじょうほう》のあつかいに｜同意《どうい》してください。

health-ineligible-too-many-workers = いつも50｜人《にん》か、それより｜多《おお》い｜人《ひと》が｜働《はたら》いている｜事業場《じぎょうじょう》は、｜自分《じぶん》で｜産業医《さんぎょうい》を｜決《き》めます。これは、｜労働安全衛生法《ろうどうあんぜんえいせいほう》（｜働《はたら》く｜人《ひと》の｜安全《あんぜん》と｜健康《けんこう》を｜守《まも》る｜法律《ほうりつ》）の13｜条《じょう》で｜決《き》まっています。このセンターには｜申《もう》し｜込《こ》むことができません。｜働《はたら》く｜人《ひと》の｜健康《けんこう》について｜相談《そうだん》したいときは、{ $name }に｜電話《でんわ》してください。｜電話番号《でんわばんごう》は{ $phone }です。
health-ineligible-outside-area = このセンターに｜申《もう》し｜込《こ》むことができるのは、このセンターの｜地域《ちいき》にある｜事業場《じぎょうじょう》です。ほかの｜地域《ちいき》の｜事業場《じぎょうじょう》は、その｜地域《ちいき》のセンターに｜申《もう》し｜込《こ》んでください。どのセンターか｜知《し》りたいときは、{ $name }に｜電話《でんわ》してください。｜電話番号《でんわばんごう》は{ $phone }です。

## もうしこみの いまの ようす

health-status-heading = ｜申《もう》し｜込《こ》みの｜様子《ようす》
health-created-sent = { $email }に、｜確認《かくにん》のメールを｜送《おく》りました。
health-created-allow = メールがこないときは、このアドレスからのメールを｜受《う》け｜取《と》れるように、｜設定《せってい》してください（｜携帯電話《けいたいでんわ》のメールは、｜知《し》らないアドレスからのメールを｜受《う》け｜取《と》らないことがあります）：
health-created-keep = このページのアドレスで、｜申《もう》し｜込《こ》みを｜見《み》ることや、かえることができます。このアドレスをなくさないでください。
health-number = ｜受付番号《うけつけばんごう》
health-business = ｜事業場《じぎょうじょう》の｜名前《なまえ》
health-status = ｜今《いま》の｜様子《ようす》
health-status-waiting = ｜日《ひ》と｜時間《じかん》を｜決《き》めるのを｜待《ま》っています
health-status-proposed = ｜日《ひ》と｜時間《じかん》を｜知《し》らせました。｜返事《へんじ》をしてください
health-status-scheduled = ｜日《ひ》と｜時間《じかん》が｜決《き》まりました
health-status-closed = センターが｜申《もう》し｜込《こ》みを｜終《お》わりにしました
health-status-withdrawn = ｜申《もう》し｜込《こ》みをやめました
health-reason = わけ
health-position = ｜今《いま》の｜順番《じゅんばん》
health-position-value = { $position }ばんめ
health-expected = ｜面接《めんせつ》ができそうな｜月《つき》
health-expected-month = { $month }ごろ
health-due = ｜法律《ほうりつ》で｜決《き》まった｜期限《きげん》
health-services = してほしいこと
health-service-line = { $service }（{ $workers }｜人《にん》）
health-late-notice = ｜面接《めんせつ》ができそうな｜月《つき》が、｜法律《ほうりつ》で｜決《き》まった｜期限《きげん》より｜後《あと》になっています。センターは、このことを｜知《し》っています。｜日《ひ》と｜時間《じかん》について、センターから｜連絡《れんらく》します。
health-proposed-heading = センターが｜考《かんが》えた｜日《ひ》と｜時間《じかん》
health-appointment-heading = ｜決《き》まった｜日《ひ》と｜時間《じかん》
health-when = ｜日《ひ》と｜時間《じかん》
health-place = ｜場所《ばしょ》
health-doctor = ｜医者《いしゃ》
health-visit = ｜医者《いしゃ》が｜事業場《じぎょうじょう》に｜行《い》きます
health-accept = この｜日《ひ》と｜時間《じかん》でいいです
health-another-heading = ほかの｜日《ひ》と｜時間《じかん》がいい
health-another-intro = ｜順番《じゅんばん》はかわりません。いい｜曜日《ようび》と｜時間《じかん》を｜教《おし》えてください。センターは、それに｜合《あ》わせて、つぎの｜日《ひ》と｜時間《じかん》を｜考《かんが》えます。
health-suit-weekdays = いい｜曜日《ようび》（えらばないときは、どの｜曜日《ようび》でもいいです）
health-suit-time = いい｜時間《じかん》
health-decline-submit = ほかの｜日《ひ》と｜時間《じかん》をおねがいする（｜順番《じゅんばん》はかわりません）
health-contact-heading = ｜担当《たんとう》の｜人《ひと》と｜連絡先《れんらくさき》をかえる
health-save = かえる
health-withdraw-heading = ｜申《もう》し｜込《こ》みをやめる
health-withdraw-confirm = この｜申《もう》し｜込《こ》みをやめます（センターが｜知《し》らせた｜日《ひ》と｜時間《じかん》も、｜決《き》まった｜日《ひ》と｜時間《じかん》も、なくなります）
health-withdraw-submit = やめる
health-withdraw-tick = やめるときは、｜確認《かくにん》のところにチェックを｜入《い》れてください。
health-done-accepted = この｜日《ひ》と｜時間《じかん》に｜決《き》まりました。｜決《き》まったことを｜知《し》らせるメールを｜送《おく》ります。
health-done-declined = センターが｜知《し》らせた｜日《ひ》と｜時間《じかん》を、とりけしました。｜順番《じゅんばん》はかわりません。ほかの｜日《ひ》と｜時間《じかん》を｜知《し》らせます。
health-done-contact = ｜連絡先《れんらくさき》をかえました。
health-done-withdrawn = ｜申《もう》し｜込《こ》みをやめました。

## センターが うけつけなかった わけ

health-conflict-request-not-waiting = この｜申《もう》し｜込《こ》みは、｜待《ま》っているところではありません（｜日《ひ》と｜時間《じかん》を｜知《し》らせたか、｜決《き》まったか、やめたものです）。
health-conflict-block-full = この｜時間《じかん》には、もう｜入《はい》りません。
health-conflict-doctor-busy = この｜医者《いしゃ》は、その｜時間《じかん》に、もう｜予定《よてい》があります。
health-conflict-place-mismatch = ｜場所《ばしょ》（センターか、｜事業場《じぎょうじょう》か）が、｜申《もう》し｜込《こ》みとちがいます。
health-conflict-block-past = ｜終《お》わった｜時間《じかん》は、えらべません。
health-conflict-withdrawn = この｜申《もう》し｜込《こ》みは、もうやめています。
health-conflict-no-proposal = ｜返事《へんじ》をする｜日《ひ》と｜時間《じかん》は、ありません。
health-conflict-no-show-not-recorded = この｜申《もう》し｜込《こ》みには、「｜面接《めんせつ》をしなかった」と｜記録《きろく》した｜面接《めんせつ》がありません。
health-conflict-other = ほかの｜操作《そうさ》と｜重《かさ》なったので、できませんでした。もう｜一度《いちど》やってみてください。
