// Command fundcheck checks a county's 衔接推进乡村振兴补助资金 performance
// evaluation workbook and writes an annotated copy beside it.
package main

func main() {}
