package uk.assure.importer;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import uk.assure.system.AssureProperties;
import uk.assure.system.Message;
import uk.assure.web.FormError;

/** A plan document too big for the upload limit: an error on the upload page's file field, 200 as GOV.UK forms do. */
@ControllerAdvice // no selector: an upload too large fails before any controller is chosen, and selectors skip those
class UploadTooLarge {

    private final AssureProperties properties;

    UploadTooLarge(AssureProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        return new ModelAndView(
                "imports/new",
                Map.of(
                        "fileError",
                        true,
                        "errors",
                        List.of(FormError.of(
                                "file",
                                Message.of(
                                        "import.error.file.tooLarge",
                                        properties.uploadMaxSize().toMegabytes())))));
    }
}
