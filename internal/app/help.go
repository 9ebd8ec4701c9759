package app

// The help texts are written out in full so that every word is Chinese
// (urfave/cli's templates would print its own English flag descriptions).

const welcomeText = `fundcheck %s — 衔接推进乡村振兴补助资金绩效评价工作簿审核工具

使用方法：
  1. 把县（区）的绩效评价工作簿（.xlsx）拖到 fundcheck.exe 的图标上，松开鼠标，
     审核立即开始。结果保存在原文件旁边，名为“原文件名_审核结果.xlsx”，原文件不会被改动。
  2. 也可以把整个文件夹拖上来：文件夹里的全部工作簿都会审核，并生成“审核汇总_日期-时间.xlsx”。
  3. 还没有填报表格？用空白模板填写：在命令行运行 fundcheck template，或在下面回答 Y。
`

const appHelp = `fundcheck — 衔接推进乡村振兴补助资金绩效评价工作簿审核工具

用法：
  fundcheck [选项] 文件或文件夹...        审核工作簿（也可以把文件拖到 fundcheck.exe 上）
  fundcheck check [选项] 文件或文件夹...  同上
  fundcheck template [路径]              生成空白的标准模板（默认：当前文件夹的 衔接资金绩效评价模板.xlsx）
  fundcheck rules [代码]                 列出全部问题代码，或解释一个代码

每个工作簿的审核结果写在它旁边，名为“原文件名_审核结果.xlsx”；原文件从不改动。
文件夹会逐层查找其中的 .xlsx 工作簿（跳过 ~$ 开头的临时文件、隐藏文件和本程序生成的结果）。
审核多个工作簿时另外生成“审核汇总_日期-时间.xlsx”。

选项：
  -o, --out 文件夹   结果和汇总写到这个文件夹（默认：原文件旁边；汇总在第一个参数所在的文件夹）
  -j, --jobs 数量    同时审核的文件数（默认：CPU 核数）
  --overwrite        覆盖已有的审核结果（默认另存为 _审核结果(2).xlsx 等）
  --json             把全部结果以一个 JSON 文档输出到标准输出
  --password 密码    打开加密工作簿的密码
  --no-pause         结束时不等待按回车（双击运行时默认会等待）
  -v, --version      显示版本
  -h, --help         显示本帮助

退出状态：0 全部审核完成且没有“错误”级问题；1 有工作簿存在“错误”级问题；2 有文件无法审核或参数有误。
`

const checkHelp = `用法：fundcheck check [选项] 文件或文件夹...

审核工作簿，结果写在原文件旁边，名为“原文件名_审核结果.xlsx”。

选项：
  -o, --out 文件夹   结果和汇总写到这个文件夹
  -j, --jobs 数量    同时审核的文件数（默认：CPU 核数）
  --overwrite        覆盖已有的审核结果
  --json             把全部结果以一个 JSON 文档输出到标准输出
  --password 密码    打开加密工作簿的密码
  --no-pause         结束时不等待按回车
`

const templateHelp = `用法：fundcheck template [路径]

生成空白的标准模板。默认写到当前文件夹的 衔接资金绩效评价模板.xlsx；
路径是文件夹时写到该文件夹中。已有同名文件时不会覆盖。
`

const rulesHelp = `用法：fundcheck rules [代码]

不带代码时列出全部评分指标和问题代码（级别、代码、一句话说明）；
带代码时解释这个问题检查什么、为什么、怎样改正，例如：fundcheck rules GS101
`
