## 相談先の一覧（/directory）：困りごとから相談先をさがす

# 困りごと
need-harassment = 職場の人間関係・ハラスメント
need-overwork = 長時間労働
need-dismissal = 解雇・雇止め
need-unpaid-wages = 賃金の未払い
need-debt = 借金・お金
need-family = 家族のこと
need-mental-health = 心の不調
need-physical-health = 体の不調
need-suicidal = 生きるのがつらい
need-workplace-health = 職場の健康管理（事業場の方）
need-return-to-work = 休職からの復帰
need-legal = その他の法律の問題
# 立場
audience-worker = 働いている人
audience-employer = 事業主・人事労務の担当者
audience-family = 家族・知人
# 相談の方法
method-phone = 電話
method-in-person = 面談
method-mail = メール
method-chat = SNS・チャット

directory-link = 相談先をさがす
directory-heading = 困りごとから相談先をさがす
directory-intro = 困っていることを選ぶと、仙台市内外の相談先を探せます。いくつでも選べます。
directory-needs-legend = 困っていること（いくつでも）
directory-audience-legend = あなたの立場
directory-method-legend = 相談の方法
directory-any = 指定しない
directory-when-legend = 受付の時間
directory-open-now = いま受け付けているところ
directory-outside-hours = 夜間・休日も受け付けているところ
directory-search = さがす
directory-results-heading = 相談先
directory-results-count = { $count }件の相談先があります。
directory-no-results = 条件に合う相談先がありません。条件を減らしてもう一度おさがしください。
directory-pages-nav = 相談先のページ
directory-prev-page = 前の{ $per_page }件
directory-next-page = 次の{ $per_page }件
directory-page-of = { $page }ページ目（全{ $pages }ページ）
directory-crisis-heading = 今すぐ話を聞いてほしいとき（24時間の窓口を含みます）
directory-runs = 実施
directory-for-whom = 対象
directory-hours = 受付
directory-reach = 連絡先
directory-address = 所在地
directory-web = ホームページ
directory-fees = 費用
directory-free = 無料
directory-open-now-badge = いま受付中
directory-closed-now-badge = いまは受付時間外
directory-book-evening = このサイトで予約できます（仕事とこころの相談会）
directory-book-health = このサイトで申し込めます（産業保健センター）
directory-leaflet-link = 印刷用の一覧（A4）
directory-unconfirmed = 内容は各機関にご確認ください。
directory-other-doors = ほかにも、次の相談先があります

directory-leaflet-heading = 困りごと別 相談先一覧
directory-leaflet-intro = ひとりで悩まず、ご相談ください。相談は無料のところが多く、秘密は守られます。
directory-leaflet-qr = このサイトで、いま受け付けている相談先をさがせます：{ $url }
directory-leaflet-print = ブラウザの「印刷」でA4に印刷できます。
directory-leaflet-need-legend = 一つの困りごとだけを印刷する
directory-leaflet-all = すべての困りごと
directory-leaflet-show = 表示する
