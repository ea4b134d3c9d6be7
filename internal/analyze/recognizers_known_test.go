package analyze

// Reasons shared by several known failures.
const (
	whyCompoundMoney   = "an amount in two units (\"3 dollars 50 cents\", \"15 dollars 50\") is read as the main unit only"
	whyMillionCode     = "M-prefixed codes of finance (MUSD, MEUR = a million USD, EUR) are not read"
	whyCodeThenScale   = "a scale word after the currency code (\"75 USD million\") is not read"
	whyLetterPrefix    = "a one-letter dollar prefix spaced from the sign (\"c $\" in tokenised text) is read as an article, so as USD"
	whyFraction        = "fractions (\"1/4 mile\", \"½ teaspoon\", \"and a half\", \"quarter million\") are not read"
	whyPoundsWeight    = "\"pounds\" after a number is read as sterling; weight needs context (\"baby\", \"drop\")"
	whyGluedM          = "\"m\" glued to a number (\"1.8m\", \"48m\", \"1m\") is read as a million, as in the news; metres need context"
	whyCompoundLength  = "feet and inches (\"5 ft 2 in\") are two figures, not one length"
	whyBracketUnit     = "a unit in brackets after the number (\"20 (kg)\") is not read"
	whyRepeat          = "the same value and unit twice in one paragraph is one table row"
	whyRareUnit        = "a unit missing from the measure list (drachma, radian, turn, a glued \"t\" for tonnes)"
	whyPercentReversed = "\"percent of 10\" (the word before the number) is not read"
	whyPercentage      = "\"percentage\" and \"percents\" are not read as per cent (\"percentage points\" are another unit)"
	whyOne             = "\"one\" alone is not read as a number (it is far more often a pronoun or an article)"
)

// knownFigureFailures are the Recognizers-Text cases the figure extractor
// gets wrong today, by case ID, with why.
var knownFigureFailures = map[string]string{
	"NumberModel#147": "digits with a spelled scale and a remainder (\"3 hundred and 21\")",
	"NumberModel#172": "\"mil\" glued to a number is not read as a million",
	"NumberModel#201": whyFraction,
	"NumberModel#205": whyFraction,

	"PercentModel#3":  whyPercentage,
	"PercentModel#6":  whyPercentage,
	"PercentModel#8":  whyPercentage,
	"PercentModel#9":  whyPercentReversed,
	"PercentModel#10": whyPercentReversed,
	"PercentModel#11": whyPercentReversed,
	"PercentModel#12": whyPercentReversed,
	"PercentModel#14": "negative values (\"minus five percent\") keep their size only",

	"CurrencyModel#4":   whyLetterPrefix,
	"CurrencyModel#59":  whyLetterPrefix,
	"CurrencyModel#60":  whyLetterPrefix,
	"CurrencyModel#64":  whyOne,
	"CurrencyModel#95":  whyCompoundMoney,
	"CurrencyModel#96":  whyCompoundMoney,
	"CurrencyModel#97":  whyCompoundMoney,
	"CurrencyModel#98":  whyCompoundMoney,
	"CurrencyModel#99":  whyOne,
	"CurrencyModel#101": whyLetterPrefix,
	"CurrencyModel#102": "colloquial Chinese units (kuai, mao)",
	"CurrencyModel#103": whyOne,
	"CurrencyModel#109": "the Tamil rupee sign (ரூ) is not in the sign list",
	"CurrencyModel#110": "\"sen\" before a number is not read as a currency",
	"CurrencyModel#117": whyRepeat,
	"CurrencyModel#127": whyCompoundMoney,
	"CurrencyModel#138": whyFraction,
	"CurrencyModel#139": whyFraction,
	"CurrencyModel#140": whyFraction,
	"CurrencyModel#146": whyCompoundMoney,
	"CurrencyModel#163": whyCodeThenScale,
	"CurrencyModel#166": whyCompoundMoney,
	"CurrencyModel#167": whyCompoundMoney,
	"CurrencyModel#168": whyCompoundMoney,
	"CurrencyModel#170": whyCodeThenScale,
	"CurrencyModel#175": whyMillionCode,
	"CurrencyModel#176": whyMillionCode,
	"CurrencyModel#177": whyMillionCode,
	"CurrencyModel#178": whyMillionCode,
	"CurrencyModel#179": whyMillionCode,

	"DimensionModel#4":  whyFraction,
	"DimensionModel#14": whyPoundsWeight,
	"DimensionModel#15": whyPoundsWeight,
	"DimensionModel#34": whyFraction,
	"DimensionModel#39": "a range with a space before the hyphen and the unit glued to its high end only (\"75 -300mm\")",
	"DimensionModel#44": whyPoundsWeight,
	"DimensionModel#47": whyGluedM,
	"DimensionModel#48": "the inch mark (\") after a number is not read",
	"DimensionModel#52": "\"2 pm\" is a time of day for briefbook, a length (picometres) for the spec",
	"DimensionModel#53": whyOne,
	"DimensionModel#55": whyGluedM,
	"DimensionModel#57": whyRepeat,
	"DimensionModel#58": whyRepeat,
	"DimensionModel#61": whyCompoundLength,
	"DimensionModel#62": whyCompoundLength,
	"DimensionModel#63": whyCompoundLength,
	"DimensionModel#64": whyCompoundLength,
	"DimensionModel#65": whyFraction,
	"DimensionModel#66": whyFraction,
	"DimensionModel#68": whyOne,
	"DimensionModel#71": whyBracketUnit,
	"DimensionModel#72": whyBracketUnit,
	"DimensionModel#73": whyBracketUnit,
	"DimensionModel#74": whyBracketUnit,
	"DimensionModel#90": whyRareUnit,
	"DimensionModel#91": whyFraction,
	"DimensionModel#92": whyRareUnit,
	"DimensionModel#95": whyRareUnit + "; " + whyGluedM,
}
