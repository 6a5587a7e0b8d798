// Tells GOV.UK Frontend's styles that scripts run; pages work the same without them.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
