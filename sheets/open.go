package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/xuri/excelize/v2"
)

// The messages of the rejections people meet most; tests and the lead's
// documentation quote them.
const (
	msgNotFound     = "找不到这个文件：请检查文件名和所在的文件夹"
	msgDirectory    = "这是一个文件夹，不是 .xlsx 工作簿：请指定文件夹里的工作簿文件"
	msgNotRegular   = "不是普通文件，无法作为工作簿读取"
	msgNoPermission = "没有读取这个文件的权限：请检查文件权限，或先关闭正在使用它的程序"
	msgReadFailed   = "读取文件时出错：请把文件复制到本机硬盘后再检查"
	msgEmpty        = "文件是空的（0 字节）：可能下载或复制没有完成，请重新获取文件"
	msgLegacyXLS    = "这是旧版 .xls 格式：请在 Excel/WPS 中另存为 .xlsx 后再检查"
	msgEncrypted    = "工作簿已加密：请用 --password 提供密码，或另存为未加密的 .xlsx"
	msgBadPassword  = "密码不正确，无法打开这个加密的工作簿：请核对 --password 提供的密码（区分大小写）"
	msgUnsupported  = "工作簿使用了不支持的加密方式：请在 Excel/WPS 中另存为未加密的 .xlsx 后再检查"
	msgOLEDamaged   = "文件已损坏：它像是旧版 Excel 文件或加密的工作簿，但内部结构无法读取；请重新获取文件"
	msgDoc          = "这是 Word 文档（.doc），不是 Excel 工作簿：请提供 .xlsx 表格"
	msgOLEOther     = "这是旧版 Office 文件，但不是 Excel 工作簿：请提供在 Excel/WPS 中保存的 .xlsx 表格"
	msgTruncated    = "文件不完整或已损坏（找不到压缩包的目录，常见于下载或复制没有完成）：请重新获取文件"
	msgText         = "这是文本文件（如 CSV），不是 Excel 工作簿：请在 Excel/WPS 中打开后另存为 .xlsx"
	msgHTML         = "这是网页（HTML）文件，不是 Excel 工作簿：常见于系统“导出 Excel”或下载时存成了网页；请在 Excel/WPS 中打开后另存为 .xlsx"
	msgXML2003      = "这是 Excel 2003 XML 表格，不是 .xlsx：请在 Excel/WPS 中另存为 .xlsx 后再检查"
	msgXML          = "这是 XML 文件，不是 Excel 工作簿：请提供 .xlsx 表格"
	msgPDF          = "这是 PDF 文件，不是 Excel 工作簿：请提供原始的 .xlsx 表格"
	msgArchive      = "这是压缩包（RAR、7z 或 gz），不是 Excel 工作簿：请先解压，再检查里面的 .xlsx 文件"
	msgUnknown      = "不是 Excel 工作簿，文件内容无法识别：请确认提供的是 .xlsx 表格，必要时在 Excel/WPS 中另存为 .xlsx"
	msgZeros        = "文件内容全是空字节：下载或复制没有完成，请重新获取文件"
	msgDamaged      = "文件已损坏：工作簿的内部内容无法读取；请在 Excel/WPS 中打开并另存为 .xlsx，或重新获取文件"
)

// openWorkbook opens path for reading. Cell values are read raw: dates and
// percentages are recognised from number formats by the reader itself.
//
// The file is recognised by its content before excelize sees it, so every
// way a file can fail to be a workbook gets its own message, and the limits
// (limits.go) are enforced before anything is unzipped. Every error is a
// *FileError. The file is only ever read.
func openWorkbook(path string, opt Options) (*excelize.File, error) {
	pkg, done, err := openPackage(path, opt, 0)
	if err != nil {
		return nil, err
	}
	defer done()
	return openExcelize(path, pkg.r, pkg.size)
}

// openPackage opens path and checks it (checkPackage, which keeps up to
// keep bytes of XML inflated), returning the zip package to read: the file
// itself, or the decrypted bytes of an encrypted one. Whatever reads a
// workbook other than through excelize (a streaming reader of big sheets)
// opens its zip from here, so that it gets the same messages and limits.
// done closes the file.
func openPackage(path string, opt Options, keep int64) (pkg checked, done func() error, err error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return checked{}, nil, fileError(path, KindNotFound, err, msgNotFound)
	case err != nil:
		return checked{}, nil, unreadable(path, err)
	case fi.IsDir():
		return checked{}, nil, fileError(path, KindDirectory, nil, msgDirectory)
	case !fi.Mode().IsRegular():
		return checked{}, nil, fileError(path, KindUnreadable, nil, msgNotRegular)
	case fi.Size() > MaxFileSize:
		return checked{}, nil, tooBig(path, uint64(fi.Size()))
	}
	file, err := os.Open(path)
	if err != nil {
		return checked{}, nil, unreadable(path, err)
	}
	if pkg, err = checkPackage(path, file, fi.Size(), opt, keep); err != nil {
		file.Close()
		return checked{}, nil, err
	}
	return pkg, file.Close, nil
}

func unreadable(path string, err error) *FileError {
	if errors.Is(err, fs.ErrPermission) {
		return fileError(path, KindUnreadable, err, msgNoPermission)
	}
	return fileError(path, KindUnreadable, err, msgReadFailed)
}

func tooBig(path string, n uint64) *FileError {
	return fileError(path, KindTooLarge, nil, fmt.Sprintf(
		"文件有 %s，超过 %s 的上限：请删除多余的工作表、图片或空行后再检查", humanSize(n), humanSize(MaxFileSize)))
}

// openReader opens the workbook in r, size bytes read from path.
func openReader(path string, r io.ReaderAt, size int64, opt Options) (*excelize.File, error) {
	pkg, err := checkPackage(path, r, size, opt, 0)
	if err != nil {
		return nil, err
	}
	return openExcelize(path, pkg.r, pkg.size)
}

// checked is a workbook's zip package, recognised and checked by
// checkPackage.
type checked struct {
	r         io.ReaderAt
	size      int64
	zr        *zip.Reader
	encrypted bool // r holds the decrypted package of an encrypted file
	verified
}

// keepInflated is how much XML the streaming reader has checkPackage keep
// inflated, so that it does not inflate it again: every part of a county
// workbook or a 100,000-row ledger, while a bigger sheet is streamed.
const keepInflated = 64 << 20

// checkPackage recognises the file in r (size bytes read from path) and
// returns the zip package inside it, checked against the limits and with
// every part's checksum verified, and with up to keep bytes of its XML
// parts inflated. Nothing is read whole before it is known to be a
// workbook within the limits, so a refusal costs a few kilobytes whatever
// the file.
func checkPackage(path string, r io.ReaderAt, size int64, opt Options, keep int64) (checked, error) {
	reject := func(kind FileErrorKind, cause error, msg string) (checked, error) {
		return checked{}, fileError(path, kind, cause, msg)
	}
	encrypted := false
	head := make([]byte, min(size, sniffLen))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return checked{}, unreadable(path, err)
	}
	switch sniff(head) {
	case formatZip:
	case formatOLE2:
		kind, err := classifyOLE(r)
		switch {
		case err != nil:
			return reject(KindDamaged, err, msgOLEDamaged)
		case kind == oleWorkbook:
			return reject(KindLegacyXLS, nil, msgLegacyXLS)
		case kind == oleWord:
			return reject(KindNotWorkbook, nil, msgDoc)
		case kind == oleOther:
			return reject(KindNotWorkbook, nil, msgOLEOther)
		case opt.Password == "":
			return reject(KindEncrypted, nil, msgEncrypted)
		}
		data, err := readAll(r, size)
		if err != nil {
			return checked{}, unreadable(path, err)
		}
		pkg, err := decrypt(data, opt.Password)
		if err != nil {
			switch {
			case errors.Is(err, errUnsupportedEncryption):
				return reject(KindEncrypted, err, msgUnsupported)
			case errors.Is(err, excelize.ErrWorkbookPassword):
				return reject(KindWrongPassword, err, msgBadPassword)
			}
			return reject(KindDamaged, err, msgOLEDamaged)
		}
		r, size, encrypted = bytes.NewReader(pkg), int64(len(pkg)), true
	case formatPDF:
		return reject(KindNotWorkbook, nil, msgPDF)
	case formatArchive:
		return reject(KindNotWorkbook, nil, msgArchive)
	case formatHTML:
		return reject(KindNotWorkbook, nil, msgHTML)
	case formatSpreadsheetML:
		return reject(KindNotWorkbook, nil, msgXML2003)
	case formatXML:
		return reject(KindNotWorkbook, nil, msgXML)
	case formatText:
		return reject(KindNotWorkbook, nil, msgText)
	default:
		switch {
		case size == 0:
			return reject(KindEmpty, nil, msgEmpty)
		case allZero(r, size):
			return reject(KindDamaged, nil, msgZeros)
		}
		return reject(KindNotWorkbook, nil, msgUnknown)
	}

	zr, err := zip.NewReader(r, size)
	if err != nil {
		return reject(KindDamaged, err, msgTruncated)
	}
	zr.RegisterDecompressor(zip.Deflate, inflate)
	if p := inspectZip(zr); p != nil {
		return reject(p.kind, nil, p.message)
	}
	v, part, err := verifyZip(zr, keep)
	if err != nil {
		return reject(KindDamaged, err, fmt.Sprintf(
			"文件已损坏：工作簿内部的“%s”无法解压（可能下载或复制没有完成）；请重新获取文件", part))
	}
	if msg := tooManyRows(zr, v.rows); msg != "" {
		return reject(KindTooLarge, nil, msg)
	}
	return checked{r: r, size: size, zr: zr, encrypted: encrypted, verified: v}, nil
}

// openExcelize opens the checked package r with excelize, with the limits.
func openExcelize(path string, r io.ReaderAt, size int64) (*excelize.File, error) {
	opts := excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    MaxUnzipSize,
		UnzipXMLSizeLimit: inMemoryPartSize,
	}
	var f *excelize.File
	err := safely(func() (err error) {
		if _, ok := r.(*os.File); ok {
			// excelize reads a file in place, without a copy in memory.
			f, err = excelize.OpenFile(path, opts)
			return err
		}
		f, err = excelize.OpenReader(io.NewSectionReader(r, 0, size), opts)
		return err
	})
	if err != nil {
		if f != nil {
			f.Close() // removes the temporary files of parts already unzipped
		}
		return nil, fileError(path, KindDamaged, err, msgDamaged)
	}
	f.Path = path
	return f, nil
}

// allZero reports whether r's size bytes are all zero, as a download a
// browser reserved space for but never filled.
func allZero(r io.ReaderAt, size int64) bool {
	buf := make([]byte, 64<<10)
	for off := int64(0); off < size; off += int64(len(buf)) {
		n, err := r.ReadAt(buf, off)
		for _, b := range buf[:n] {
			if b != 0 {
				return false
			}
		}
		if err != nil {
			return err == io.EOF
		}
	}
	return true
}

// readAll reads r's size bytes.
func readAll(r io.ReaderAt, size int64) ([]byte, error) {
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, err
	}
	return data, nil
}

var errUnsupportedEncryption = errors.New("unsupported encryption")

// decrypt returns the zip package inside an encrypted workbook. A wrong
// password does not fail inside excelize: it gives bytes that are not a
// zip, which is how it is recognised (excelize.ErrWorkbookPassword). Any
// other error is a damaged file.
func decrypt(data []byte, password string) (pkg []byte, err error) {
	err = safely(func() (err error) {
		pkg, err = excelize.Decrypt(data, &excelize.Options{Password: password})
		return err
	})
	switch {
	case errors.Is(err, excelize.ErrUnknownEncryptMechanism), err == nil && len(pkg) == 0:
		return nil, errUnsupportedEncryption
	case err != nil:
		return nil, err
	case !bytes.HasPrefix(pkg, zipMagics[0]):
		return nil, excelize.ErrWorkbookPassword
	}
	return pkg, nil
}
