/*
 * STIX 2.1 patterning language (STIX Version 2.1, OASIS Standard, section 9 "STIX Patterning"),
 * written for news-digest's tests from the specification's text; see PROVENANCE.md beside this file.
 * Test use only: StixPatternGrammar parses every pattern the product emits with the start rule `pattern`.
 * No @header here: the package (dev.newsdigest.intel.pattern) comes from the antlr4-maven-plugin's -package argument.
 */
grammar STIXPattern;

// ---------------------------------------------------------------- parser

// a whole pattern: one or more observation expressions, and nothing after them
pattern
    : observationExpressions EOF
    ;

// observation operators, loosest first: FOLLOWEDBY, then OR, then AND (spec 9.6, operator precedence)
observationExpressions
    : observationExpressionOr (FOLLOWEDBY observationExpressionOr)*
    ;

observationExpressionOr
    : observationExpressionAnd (OR observationExpressionAnd)*
    ;

observationExpressionAnd
    : qualifiedObservation (AND qualifiedObservation)*
    ;

// an observation expression and the qualifiers that follow it
qualifiedObservation
    : observation qualifier*
    ;

observation
    : LBRACK comparisonExpression RBRACK
    | LPAREN observationExpressions RPAREN
    ;

qualifier
    : START TimestampLiteral STOP TimestampLiteral
    | WITHIN (IntPosLiteral | FloatPosLiteral) SECONDS
    | REPEATS IntPosLiteral TIMES
    ;

// comparison operators inside one observation: OR looser than AND
comparisonExpression
    : comparisonExpressionAnd (OR comparisonExpressionAnd)*
    ;

comparisonExpressionAnd
    : propertyTest (AND propertyTest)*
    ;

propertyTest
    : objectPath NOT? (EQ | NEQ) primitiveLiteral
    | objectPath NOT? (GT | LT | GE | LE) orderableLiteral
    | objectPath NOT? IN setLiteral
    | objectPath NOT? (LIKE | MATCHES | ISSUBSET | ISSUPERSET) StringLiteral
    | NOT? EXISTS objectPath
    | LPAREN comparisonExpression RPAREN
    ;

// <object-type>:<property>, then .<property>, .'quoted property', [index] or [*] steps
objectPath
    : objectType COLON pathStart pathStep*
    ;

objectType
    : IdentifierWithoutHyphen
    | IdentifierWithHyphen
    ;

pathStart
    : IdentifierWithoutHyphen
    | StringLiteral
    ;

pathStep
    : DOT (IdentifierWithoutHyphen | StringLiteral)
    | LBRACK (IntPosLiteral | IntNegLiteral | ASTERISK) RBRACK
    ;

setLiteral
    : LPAREN (primitiveLiteral (COMMA primitiveLiteral)*)? RPAREN
    ;

primitiveLiteral
    : orderableLiteral
    | BoolLiteral
    ;

orderableLiteral
    : IntPosLiteral
    | IntNegLiteral
    | FloatPosLiteral
    | FloatNegLiteral
    | StringLiteral
    | BinaryLiteral
    | HexLiteral
    | TimestampLiteral
    ;

// ---------------------------------------------------------------- lexer
// keywords are upper case only, and come before the identifiers so that they win a tie

AND        : 'AND' ;
OR         : 'OR' ;
NOT        : 'NOT' ;
FOLLOWEDBY : 'FOLLOWEDBY' ;
LIKE       : 'LIKE' ;
MATCHES    : 'MATCHES' ;
ISSUPERSET : 'ISSUPERSET' ;
ISSUBSET   : 'ISSUBSET' ;
EXISTS     : 'EXISTS' ;
IN         : 'IN' ;
START      : 'START' ;
STOP       : 'STOP' ;
SECONDS    : 'SECONDS' ;
TIMES      : 'TIMES' ;
WITHIN     : 'WITHIN' ;
REPEATS    : 'REPEATS' ;

BoolLiteral : 'true' | 'false' ;

// t'2016-01-01T00:00:00Z', fractional seconds optional, always UTC
TimestampLiteral
    : 't' QUOTE DIGIT DIGIT DIGIT DIGIT '-' MONTH '-' DAY 'T' HOUR ':' MINUTE ':' SECOND ('.' DIGIT+)? 'Z' QUOTE
    ;

// h'0a1B': whole bytes
HexLiteral
    : 'h' QUOTE (HEX HEX)* QUOTE
    ;

// b'base64', padded
BinaryLiteral
    : 'b' QUOTE (B64 B64 B64 B64)* (B64 B64 '==' | B64 B64 B64 '=')? QUOTE
    ;

// '...': the only escapes are \' and \\ ; any other backslash, or a bare quote, ends the token in error
StringLiteral
    : QUOTE (~['\\] | '\\' QUOTE | '\\\\')* QUOTE
    ;

IntNegLiteral   : '-' NATURAL ;
IntPosLiteral   : '+'? NATURAL ;
FloatNegLiteral : '-' DIGIT* '.' DIGIT+ ;
FloatPosLiteral : '+'? DIGIT* '.' DIGIT+ ;

IdentifierWithoutHyphen : [a-zA-Z_] [a-zA-Z0-9_]* ;
IdentifierWithHyphen    : [a-zA-Z_] [a-zA-Z0-9_-]* ;

EQ       : '=' | '==' ;
NEQ      : '!=' | '<>' ;
LE       : '<=' ;
LT       : '<' ;
GE       : '>=' ;
GT       : '>' ;
COLON    : ':' ;
DOT      : '.' ;
COMMA    : ',' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
ASTERISK : '*' ;
QUOTE    : '\'' ;

WS : [ \t\r\n\u000B\u000C]+ -> skip ;

fragment DIGIT   : [0-9] ;
fragment NATURAL : '0' | [1-9] DIGIT* ;
fragment HEX     : [0-9a-fA-F] ;
fragment B64     : [A-Za-z0-9+/] ;
fragment MONTH   : '0' [1-9] | '1' [0-2] ;
fragment DAY     : '0' [1-9] | [12] DIGIT | '3' [01] ;
fragment HOUR    : [01] DIGIT | '2' [0-3] ;
fragment MINUTE  : [0-5] DIGIT ;
fragment SECOND  : [0-5] DIGIT | '60' ;
