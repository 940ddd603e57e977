REM Fills cells of the first sheet of a workbook and saves it as .xlsx, all
REM inside LibreOffice (Calc's own reader and xlsx export). Run headless as
REM   soffice --headless 'macro:///Standard.Fill.Fill("in.xlsx","out.xlsx","cells.tsv")'
REM cells.tsv: one line per cell, "ADDRESS<TAB>KIND<TAB>VALUE" in UTF-8, KIND
REM s = text, n = number, p = number shown as percent (0%), f = formula;
REM a line "unprotect" removes the sheet protection (no password) first.
Sub Fill(sIn As String, sOut As String, sSpec As String)
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = "Hidden"
  aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), "_blank", 0, aLoad())
  oSheet = oDoc.Sheets.getByIndex(0)
  oFiles = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  oText = createUnoService("com.sun.star.io.TextInputStream")
  oText.setInputStream(oFiles.openFileRead(ConvertToURL(sSpec)))
  oText.setEncoding("UTF-8")
  Dim aLocale As New com.sun.star.lang.Locale
  Do While Not oText.isEOF()
    REM The last line comes back with its line break.
    sLine = Replace(Replace(oText.readLine(), Chr(10), ""), Chr(13), "")
    If Len(sLine) > 0 Then
      aParts = Split(sLine, Chr(9))
      If aParts(0) = "unprotect" Then
        oSheet.unprotect("")
      Else
        oCell = oSheet.getCellRangeByName(aParts(0))
        Select Case aParts(1)
          Case "n"
            oCell.setValue(Val(aParts(2)))
          Case "p"
            nKey = oDoc.NumberFormats.queryKey("0%", aLocale, False)
            If nKey = -1 Then nKey = oDoc.NumberFormats.addNew("0%", aLocale)
            oCell.NumberFormat = nKey
            oCell.setValue(Val(aParts(2)))
          Case "f"
            oCell.setFormula(aParts(2))
          Case Else
            oCell.setString(aParts(2))
        End Select
      End If
    End If
  Loop
  oText.closeInput()
  Dim aStore(1) As New com.sun.star.beans.PropertyValue
  aStore(0).Name = "FilterName"
  aStore(0).Value = "Calc MS Excel 2007 XML"
  aStore(1).Name = "Overwrite"
  aStore(1).Value = True
  oDoc.storeToURL(ConvertToURL(sOut), aStore())
  oDoc.close(True)
End Sub

REM Opens a workbook once and saves a copy of it per line of spec.tsv,
REM "FILTER<TAB>OUTPUT" (a LibreOffice export filter name and a file path):
REM several formats from one LibreOffice start.
REM   soffice --headless 'macro:///Standard.Fill.SaveAs("in.xlsx","copies.tsv")'
Sub SaveAs(sIn As String, sSpec As String)
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = "Hidden"
  aLoad(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), "_blank", 0, aLoad())
  oFiles = createUnoService("com.sun.star.ucb.SimpleFileAccess")
  oText = createUnoService("com.sun.star.io.TextInputStream")
  oText.setInputStream(oFiles.openFileRead(ConvertToURL(sSpec)))
  oText.setEncoding("UTF-8")
  Dim aStore(1) As New com.sun.star.beans.PropertyValue
  aStore(1).Name = "Overwrite"
  aStore(1).Value = True
  Do While Not oText.isEOF()
    REM The last line comes back with its line break.
    sLine = Replace(Replace(oText.readLine(), Chr(10), ""), Chr(13), "")
    If Len(sLine) > 0 Then
      aParts = Split(sLine, Chr(9))
      aStore(0).Name = "FilterName"
      aStore(0).Value = aParts(0)
      oDoc.storeToURL(ConvertToURL(aParts(1)), aStore())
    End If
  Loop
  oText.closeInput()
  oDoc.close(True)
End Sub
