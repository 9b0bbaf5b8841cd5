## 職員：周知（空き枠のお知らせ、どこから来たか、周知に協力いただける相談先）

staff-outreach-link = 周知
staff-outreach-heading = 周知
staff-outreach-intro = 予約や申込みがどこから来たか（「何で知りましたか」への答えと、リンクのチャンネル）、空きのお知らせの登録、周知に協力いただける相談先です。人を特定できる情報は含みません。
staff-outreach-period = 期間
staff-outreach-from = 開始日
staff-outreach-to = 終了日
staff-outreach-show = 表示
staff-outreach-answers = 「何で知りましたか」への答え
staff-outreach-channels = リンクのチャンネル（?src=）
staff-outreach-source = 答え・チャンネル
staff-outreach-bookings = 予約
staff-outreach-waitlist = キャンセル待ち
staff-outreach-health = 産業保健の申込み
staff-outreach-subscriptions = お知らせの登録
staff-outreach-unanswered = 未回答
staff-outreach-no-channel = チャンネルなし
staff-outreach-subscribed-now = 現在の空きのお知らせの登録数：{ $count }件
staff-outreach-partners = 周知に協力いただける相談先
staff-outreach-partners-hint = ここで選んだ相談先は、空き枠のお知らせ（開催の{ $days }日前）で、周知のお願い先として職員に示されます。
staff-outreach-partner-yes = 協力先
staff-outreach-partner-add = 協力先にする
staff-outreach-partner-remove = 協力先から外す
staff-outreach-public = 公開している情報（個人情報を含みません）
staff-outreach-calendar = 相談会のカレンダー（iCalendar）
staff-outreach-next = 次回の相談会（JSON）
staff-outreach-embed = 協力先のサイトに埋め込む表示
staff-outreach-embed-code = 埋め込み用のコード
staff-outreach-posters = 各回のポスター
staff-outreach-subscribe = 空きのお知らせの登録ページ

## 空き枠のお知らせ（職員へのメール）
staff-low-fill-subject = 相談会の空き枠のお知らせ（{ $date }）
staff-low-fill-body = { $date }の相談会に、まだ空き枠があります（開催の{ $days }日前です）。周知に協力いただける相談先へのお願いに、下の文面とポスターをご利用ください。
staff-low-fill-free = 空き：弁護士 { $lawyer }枠、臨床心理士 { $psychologist }枠
staff-low-fill-partners = 周知に協力いただける相談先
staff-low-fill-no-partners = 周知に協力いただける相談先は、まだ選ばれていません（職員画面の「周知」で選べます）。
staff-low-fill-forward = 転送用の文面
staff-low-fill-forward-text = { $when }、{ $venue }で「{ $title }」を開きます。弁護士・臨床心理士に無料で相談できます（予約制、秘密は守られます）。空き：{ $free }枠。予約：{ $url }
staff-low-fill-poster = ポスター（印刷用）

staff-action-outreach-partner = 周知の協力先の変更
staff-action-view-outreach = 周知の実績の閲覧
staff-done-partner-changed = 周知の協力先を変更しました。
