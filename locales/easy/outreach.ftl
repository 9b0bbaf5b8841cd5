## やさしい日本語：周知

heard-from-question = この｜相談会《そうだんかい》を、どこで｜知《し》りましたか
health-heard-from-question = この｜窓口《まどぐち》を、どこで｜知《し》りましたか
heard-from-hint = ｜答《こた》えなくてもいいです。

subscribe-link = ｜空《あ》きを｜メール《めーる》で｜知《し》らせてもらう
subscribe-heading = ｜空《あ》きを｜メール《めーる》で｜知《し》らせてもらう
subscribe-intro = ｜予約《よやく》が｜始《はじ》まったときや、｜空《あ》きが｜出《で》たときに、メールで｜知《し》らせます。メールアドレスだけを｜登録《とうろく》します。
subscribe-kinds = ｜知《し》りたいこと
subscribe-kinds-hint = 1つか2つ｜選《えら》んでください。
subscribe-new-month = ｜次《つぎ》の｜月《つき》の｜予約《よやく》が｜始《はじ》まったとき
subscribe-free-slot = { $days }｜日《にち》の｜間《あいだ》に、｜空《あ》きが｜出《で》たとき
subscribe-email = メールアドレス
subscribe-email-hint = ｜確認《かくにん》のメールを｜送《おく》ります。メールのリンクを｜開《ひら》いてください。
subscribe-submit = ｜登録《とうろく》する
subscribe-privacy = メールは1｜日《にち》に1つまでです。｜夜《よる》（21｜時《じ》から8｜時《じ》）は｜送《おく》りません。やめると、メールアドレスをすぐに｜消《け》します。
subscribe-sent-heading = ｜確認《かくにん》のメールを｜送《おく》りました
subscribe-sent-body = メールのリンクを｜開《ひら》いてください。7｜日《か》の｜間《あいだ》に｜開《ひら》かないと、メールアドレスを｜消《け》します。
subscribe-confirmed-heading = ｜登録《とうろく》しました
subscribe-confirmed-body = ｜空《あ》きをメールで｜知《し》らせます。やめたいときは、メールのリンクを｜開《ひら》いてください。
subscribe-link-gone = このリンクは｜使《つか》えません。もう一度｜登録《とうろく》してください。
unsubscribe-heading = メールをやめる
unsubscribe-body = やめると、メールアドレスを｜消《け》します。
unsubscribe-submit = やめる
unsubscribe-done-heading = やめました
unsubscribe-done-body = メールアドレスを｜消《け》しました。もうメールは｜送《おく》りません。
subscribe-field-kinds = ｜知《し》りたいこと

subscription-confirm-subject = 相談会の空き状況のお知らせ（登録の確認）
subscription-confirm-body = メールの｜登録《とうろく》を｜受《う》け｜付《つ》けました。｜下《した》のリンクを｜開《ひら》いてください（7｜日《か》まで）。
subscription-confirm-link = ｜登録《とうろく》する
subscription-confirm-ignore = わからないときは、このメールを｜消《け》してください。
subscription-notice-subject = 相談会の空き状況のお知らせ
subscription-notice-body = ｜相談会《そうだんかい》の｜空《あ》きを｜知《し》らせます。
subscription-notice-opened = { $date }の｜相談会《そうだんかい》の｜予約《よやく》が｜始《はじ》まりました（｜空《あ》き { $free }）
subscription-notice-free = { $date }の｜相談会《そうだんかい》、{ $profession }に｜空《あ》きがあります（{ $free }）
subscription-notice-book = ｜予約《よやく》のページ
subscription-notice-pace = メールは1｜日《にち》に1つまで、｜昼《ひる》に｜送《おく》ります。
subscription-unsubscribe = メールをやめる（メールアドレスを｜消《け》します）

feed-summary = ｜夜《よる》の｜相談会《そうだんかい》
feed-free = ｜空《あ》き：｜弁護士《べんごし》 { $lawyer }、｜心理士《しんりし》 { $psychologist }
feed-book = ｜予約《よやく》：{ $url }
feed-cancelled = この｜日《ひ》は｜中止《ちゅうし》です。
embed-heading = ｜次《つぎ》の｜相談会《そうだんかい》
embed-free = ｜空《あ》き { $free }
embed-book = ｜予約《よやく》する
embed-none = いま、｜空《あ》きはありません。
embed-all = ｜相談会《そうだんかい》の｜一覧《いちらん》

poster-title = ポスター
poster-lead = ｜仕事《しごと》のこと、こころのことを、｜弁護士《べんごし》や｜心理士《しんりし》に｜相談《そうだん》できます。
poster-free = お｜金《かね》はかかりません・｜予約《よやく》が｜必要《ひつよう》です・｜秘密《ひみつ》は｜守《まも》ります
poster-when = いつ
poster-where = どこ
poster-book = ｜予約《よやく》はここから
poster-print = ｜印刷《いんさつ》する（A4）
